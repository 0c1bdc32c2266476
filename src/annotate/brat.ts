// brat standoff interop, one import point: parse (.ann → annotations), export (extractions → .ann, annotation.conf),
// and the import plan (annotations → corrections). Offsets are code points in brat, UTF-16 everywhere else.
export { parseBrat } from './brat-parse.js';
export type {
  BratAnnotations, BratTextBound, BratFragment, BratRelation, BratEvent, BratAttribute, BratNormalization, BratNote, BratEquiv, BratArg,
} from './brat-parse.js';
export { toBrat, bratAnnotationConf, KG_DB, type BratRelationType } from './brat-export.js';
export { bratToCorrections, mapEntityType, mapPredicate, type BratImportPlan } from './brat-import.js';
export { offsetMap, type OffsetMap } from './offsets.js';
