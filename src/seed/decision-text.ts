/**
 * Turns the text of a Vietnamese official document extracted from its PDF, where lines break
 * mid-sentence and page breaks leave blank lines, into Markdown paragraphs. Chapters (Chương)
 * become level-2 headings and article titles (Điều) level-3 headings. An article whose text
 * follows its number on the same line keeps the number in bold instead.
 */
const CHAPTER = /^Chương [IVXLC]+$/u;
const PARAGRAPH_START = /^(Điều \d+\.|\d+[.)]\s|[a-zđ]\)\s|-\s|Căn cứ |Theo đề nghị|Nơi nhận|\(Ban hành kèm)/u;

type BlockKind = 'text' | 'upper' | 'chapter' | 'article';

const isUpperCaseLine = (line: string) => /\p{L}/u.test(line) && line === line.toLocaleUpperCase('vi');

export function reflowOfficialText(text: string): string {
  const blocks: string[] = [];
  let current = '';
  // Assigned inside the helpers below, so the declared type keeps TypeScript from narrowing it.
  let kind = 'text' as BlockKind;
  let continued = false;

  const flush = () => {
    if (!current) return;
    if (kind === 'chapter') blocks.push(`## ${current}`);
    else if (kind === 'article' && !continued) blocks.push(`### ${current}`);
    else if (kind === 'article') blocks.push(current.replace(/^(Điều \d+\.)/u, '**$1**'));
    else blocks.push(current);
    current = '';
    continued = false;
  };
  const start = (line: string, next: BlockKind) => {
    flush();
    current = line;
    kind = next;
  };

  for (const raw of text.normalize('NFC').split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;

    if (CHAPTER.test(line)) start(line, 'chapter');
    else if ((kind === 'chapter' || kind === 'upper') && isUpperCaseLine(line)) current += ` ${line}`;
    else if (/^Điều \d+\./u.test(line)) start(line, 'article');
    else if (isUpperCaseLine(line)) start(line, 'upper');
    else if (PARAGRAPH_START.test(line) || kind === 'upper' || kind === 'chapter') start(line, 'text');
    else {
      current = current ? `${current} ${line}` : line;
      if (kind === 'article') continued = true;
    }
  }
  flush();
  return blocks.join('\n\n');
}
