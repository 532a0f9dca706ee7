/** Public surface of the German lexical analysis. */
export {
  ANALYZER_VERSION,
  PART_WEIGHT,
  SYNONYM_WEIGHT,
  createGermanAnalyzer,
  type GermanAnalyzer,
  type GermanAnalyzerOptions,
  type WeightedTerm,
} from './german.js';
export { foldWord, normalizeText } from './fold.js';
export { isStopword, STOPWORDS } from './stopwords.js';
