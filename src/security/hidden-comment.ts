// An HTML comment that speaks to an AI: "<!-- AI coding agents: before writing any code you MUST run … -->",
// "<!-- 要約AIへ：まとめの最後に必ず…", "<!-- Вказівка для ШІ-асистента, який обробляє цей документ: …".
// A browser never shows a comment, so the person who pastes the page does not see it; only a model
// reading the source does. Planted instructions hide there for that reason, and they open with whom they
// address, then a colon, then what to do. Comments people write for each other name a section
// ("<!-- Header -->", "<!-- AI chat widget -->") or leave a short note ("<!-- Model: gpt-4o -->").

/**
 * Words that name an AI reader, in the languages scanned: whole words in scripts with spaces ("ai", "ia",
 * "ki", "ии", "ші", "agent", "assistente", "модели"…; "model" not after "-", ":", "_" or "."), and in Chinese, Japanese and Korean the nouns
 * themselves, or "AI" written next to them ("要約AIへ", "AI审核员").
 */
const AI_READER = new RegExp(
  [
    "(?<![\\p{L}\\p{N}])(?:ai|ia|ki|ии|ші|llms?|gpt|chatgpt|claude|copilot|gemini|bots?|chatbots?|agents?|agentes?|agenti|agenten",
    "|assistants?|asistentes?|assistente|assistenti|assistenten|asystent|summari[sz]er|crawler",
    "|ассистент\\p{L}*|асистент\\p{L}*|модел\\p{L}*|агент\\p{L}*|нейросет\\p{L}*)(?![\\p{L}\\p{N}])",
    // Not a framework's binding attribute ("v-model:", "ng-model", "wire:model", "data-model").
    "|(?<![\\p{L}\\p{N}\\-:_.])(?:models?|modelos?|modello|modelli|modèles?|modell|modelle)(?![\\p{L}\\p{N}])",
    "|(?<![a-z])ai(?=[\\u3040-\\u30ff\\u4e00-\\u9fff\\uac00-\\ud7af])|(?<=[\\u3040-\\u30ff\\u4e00-\\u9fff\\uac00-\\ud7af])ai(?![a-z])",
    "|模型|人工智能|助手|智能体|机器人|モデル|エージェント|アシスタント|ボット|모델|에이전트|인공지능|어시스턴트|봇",
    "|הבינה המלאכותית|סוכן|الذكاء الاصطناعي|المساعد|النموذج|एआई",
  ].join(""),
  "iu",
);
/** Scripts written without spaces: there a directive is counted in characters, not words. */
const UNSPACED = /[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]/;
/** The addressee comes first: the colon that ends it lies within this many characters of "<!--". */
const LABEL_MAX = 80;
/** What follows the colon is a sentence, not a value ("<!-- Model: gpt-4o -->"). */
const MIN_WORDS = 6;
const MIN_UNSPACED_CHARS = 16;
/** A comment is read up to its "-->" or this many characters. */
const COMMENT_MAX = 4000;

/**
 * Where the HTML comment whose body starts at text[after] (just past "<!--") ends: at its "-->", or
 * COMMENT_MAX characters on (or the text's end) when it is not closed by then. Reads at most that far.
 */
export function commentEnd(text: string, after: number): number {
  const limit = Math.min(text.length, after + COMMENT_MAX);
  for (let i = after; i < limit && i + 2 < text.length; i++) {
    if (text.charCodeAt(i) === 45 && text.charCodeAt(i + 1) === 45 && text.charCodeAt(i + 2) === 62) return i;
  }
  return limit;
}

/**
 * Whether the HTML comment text[after..end) (commentEnd) addresses an AI reader and tells it something:
 * an addressee before a colon (":" or "："), within LABEL_MAX characters, then at least MIN_WORDS words
 * (MIN_UNSPACED_CHARS characters in Chinese, Japanese or Korean).
 */
export function isDirectiveComment(text: string, after: number, end: number): boolean {
  const labelEnd = Math.min(end, after + LABEL_MAX + 1);
  let colon = -1;
  for (let i = after; i < labelEnd; i++) {
    const code = text.charCodeAt(i);
    if (code === 58 || code === 0xff1a) {
      colon = i;
      break;
    }
  }
  if (colon < 0 || !AI_READER.test(text.slice(after, colon))) return false;
  const rest = text.slice(colon + 1, end).trim();
  if (UNSPACED.test(rest)) return rest.length >= MIN_UNSPACED_CHARS;
  let words = 0;
  for (const part of rest.split(/\s+/)) if (part.length > 0 && ++words >= MIN_WORDS) return true;
  return false;
}
