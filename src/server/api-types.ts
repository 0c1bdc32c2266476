// Shapes of the HTTP API answers the viewer reads (types only, so the browser bundle can import them).
import type { EntityType, Predicate } from '../types.js';

/** One row of GET /api/documents. */
export interface DocumentSummary {
  name: string; id: string; title: string; format: string; sha256: string; length: number;
  entities: number; mentions: number; relations: number;
  /** Mentions an annotator decided on (confirmed, or rejected), of all mentions the rules or annotators made. */
  reviewed: number; reviewable: number;
  annotators: string[];
  /** Agreement of the two annotators with most decisions on this document, when there are two. */
  agreement: { a: string; b: string; f1: number; kappa: number | null; disagreements: number } | null;
}

/** One relation type of GET /api/ontology. */
export interface RelationSchema { name: Predicate; domain: EntityType[]; range: EntityType[]; symmetric: boolean; description?: string }
