// Server-Sent Events hub: `event: graph` with {"version": n, "start": id} to every open /api/events stream.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';

/** Heartbeat period: keeps proxies and idle timeouts from closing quiet streams. */
const HEARTBEAT_MS = 15_000;

/**
 * Open event streams; `broadcast` writes to all, `close` ends them (so the server can stop).
 * Every `graph` event carries the server's start id: versions restart at 1 with each process, so
 * a client that reconnects to a restarted server sees a new id and reloads, whatever the number.
 */
export class EventHub {
  /** Random per server start; also part of /api/graph's ETag. */
  readonly startId = randomBytes(6).toString('base64url');
  private readonly clients = new Set<ServerResponse>();
  private readonly timer: NodeJS.Timeout;

  constructor() {
    this.timer = setInterval(() => this.write(': ping\n\n'), HEARTBEAT_MS);
    this.timer.unref();
  }

  /** Number of connected clients (tests and logs). */
  get size(): number {
    return this.clients.size;
  }

  /**
   * Takes over the reply as an event stream. The first event carries the current version so a
   * client that reconnects after missing events knows at once whether to refetch.
   */
  open(req: FastifyRequest, reply: FastifyReply, version: number): void {
    reply.hijack();
    const res = reply.raw;
    // Hijacked replies skip fastify's hooks: copy the headers set so far (security headers).
    const headers = reply.getHeaders() as Record<string, string>;
    res.writeHead(200, {
      ...headers,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write(`retry: 1000\n${event('graph', { version, start: this.startId })}`);
    this.clients.add(res);
    req.raw.on('close', () => this.clients.delete(res));
  }

  /** Sends `event: <name>` with JSON `data` to every client (`graph` events get the start id). */
  broadcast(name: string, data: unknown): void {
    this.write(event(name, name === 'graph' && data && typeof data === 'object' ? { ...data, start: this.startId } : data));
  }

  /** Ends every stream and stops the heartbeat. */
  close(): void {
    clearInterval(this.timer);
    for (const res of this.clients) res.end();
    this.clients.clear();
  }

  private write(chunk: string): void {
    for (const res of this.clients) res.write(chunk);
  }
}

function event(name: string, data: unknown): string {
  return `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
}
