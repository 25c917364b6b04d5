// Memo of the stems of rubric phrases and texts. Compiling the whole bank reads ~4,000 phrases through the NLP
// pipeline (hundreds of milliseconds); the storage adapter persists this memo so a new process starts warm.
// It is a pure cache: an entry depends only on its text and the pipeline version the adapter keys it with.
const phrases = new Map<string, readonly string[]>();
const texts = new Map<string, readonly string[]>();

export interface StemCacheData {
  readonly phrases: ReadonlyArray<readonly [string, readonly string[]]>;
  readonly texts: ReadonlyArray<readonly [string, readonly string[]]>;
}

export const phraseStemMemo = {
  get: (source: string) => phrases.get(source),
  set: (source: string, stems: readonly string[]) => void phrases.set(source, stems),
};

export const textStemMemo = {
  get: (text: string) => texts.get(text),
  set: (text: string, stems: readonly string[]) => void texts.set(text, stems),
};

export function exportStemCache(): StemCacheData {
  return { phrases: [...phrases], texts: [...texts] };
}

export function importStemCache(data: StemCacheData): void {
  for (const [k, v] of data.phrases) phrases.set(k, v);
  for (const [k, v] of data.texts) texts.set(k, v);
}
