/**
 * BuildKit's `wordsStruct`: collects the words of `ProcessWords` while the lexer runs.
 *
 * Text that comes from an unquoted variable or plain characters splits on Go spaces;
 * text from quotes, escapes and heredoc markers is added raw and never splits.
 */
import { isGoSpace } from "../chars.ts";

export class WordCollector {
  private readonly words: string[] = [];
  private word = "";
  /** Set once anything raw or non-blank was added, even an empty `""`. */
  private inWord = false;

  /** Add text that splits on whitespace (BuildKit `addString` / `addChar`). */
  addSplitting(text: string): void {
    let from = 0;
    for (let i = 0; i < text.length; i++) {
      if (!isGoSpace(text.charCodeAt(i))) continue;
      if (i > from) {
        this.word += text.slice(from, i);
        this.inWord = true;
      }
      from = i + 1;
      if (this.inWord && this.word.length !== 0) {
        this.words.push(this.word);
        this.word = "";
        this.inWord = false;
      }
    }
    if (from < text.length) {
      this.word += text.slice(from);
      this.inWord = true;
    }
  }

  /** Add text that stays in the current word (BuildKit `addRawString` / `addRawChar`). */
  addRaw(text: string): void {
    this.word += text;
    this.inWord = true;
  }

  /** The finished words; an empty pending word (from `""` alone) is not one. */
  finish(): string[] {
    if (this.word.length > 0) this.words.push(this.word);
    this.word = "";
    this.inWord = false;
    return this.words;
  }
}
