import type { ComponentChildren } from 'preact';
import type { Book } from './book.content.js';
import type { Block, Inline } from './book.markup.js';
import { glossaryForPage } from './book.service.js';

/**
 * Renders parsed content. Automatic mentions of a name (a profession, a story's person) link only the
 * first time on a page, so a chapter does not turn blue; numbered mentions ("Droom 3") always link.
 */
export class BodyRenderer {
  private readonly linkedNames = new Set<string>();
  // Glossary terms link (first occurrence per page) in body text, never in headings or links.
  private readonly glossary = glossaryForPage();
  private glossaryOn = false;

  constructor(private readonly book: Book) {}

  blocks(blocks: readonly Block[], headingOffset = 0): ComponentChildren {
    return blocks.map((b, i) => this.block(b, i, headingOffset));
  }

  body(owner: string, text: string | undefined, headingOffset = 0): ComponentChildren {
    if (!text) return null;
    this.glossaryOn = true;
    try {
      return this.blocks(this.book.blocks(owner, text), headingOffset);
    } finally {
      this.glossaryOn = false;
    }
  }

  /** A single line of content (a question, a table cell) without paragraph markup. */
  line(owner: string, text: string): ComponentChildren {
    const blocks = this.book.blocks(owner, text);
    if (blocks.length === 1 && blocks[0]!.kind === 'paragraph') return this.inlines(blocks[0]!.content);
    return this.blocks(blocks);
  }

  /** Lines of content (rules, actions, recommendations) as a list. */
  list(owner: string, items: readonly string[], ordered = false): ComponentChildren {
    const List = ordered ? 'ol' : 'ul';
    const kind = ordered ? 'ordered' : 'unordered';
    return (
      <List class={`utrecht-${kind}-list`}>
        {items.map((item, i) => (
          <li class={`utrecht-${kind}-list__item`} key={i}>
            {this.line(owner, item)}
          </li>
        ))}
      </List>
    );
  }

  private block(b: Block, key: number, headingOffset: number): ComponentChildren {
    switch (b.kind) {
      case 'paragraph':
        return (
          <p class="utrecht-paragraph" key={key}>
            {this.inlines(b.content)}
          </p>
        );
      case 'heading': {
        const level = Math.min(6, b.level + headingOffset);
        const Tag = `h${level}` as 'h2';
        return (
          <Tag class={`utrecht-heading-${Math.min(level, 3)}`} key={key}>
            {this.inlines(b.content, true)}
          </Tag>
        );
      }
      case 'list':
        return b.ordered ? (
          <ol class="utrecht-ordered-list" start={b.start === 1 ? undefined : b.start} key={key}>
            {b.items.map((item, i) => (
              <li class="utrecht-ordered-list__item" key={i}>
                {this.inlines(item)}
              </li>
            ))}
          </ol>
        ) : (
          <ul class="utrecht-unordered-list" key={key}>
            {b.items.map((item, i) => (
              <li class="utrecht-unordered-list__item" key={i}>
                {this.inlines(item)}
              </li>
            ))}
          </ul>
        );
      case 'quote':
        return (
          <blockquote class="mmm-quote" key={key}>
            {b.lines.map((line, i) => (
              <p class="utrecht-paragraph" key={i}>
                {this.inlines(line)}
              </p>
            ))}
          </blockquote>
        );
      case 'table':
        return (
          <div class="mmm-table-scroll" key={key}>
            <table class="utrecht-table">
              <thead class="utrecht-table__header">
                <tr class="utrecht-table__row">
                  {b.head.map((cell, i) => (
                    <th class="utrecht-table__header-cell" scope="col" key={i}>
                      {this.inlines(cell)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody class="utrecht-table__body">
                {b.rows.map((row, r) => (
                  <tr class="utrecht-table__row" key={r}>
                    {row.map((cell, i) => (
                      <td class="utrecht-table__cell" key={i}>
                        {this.inlines(cell)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
    }
  }

  inlines(content: readonly Inline[], noGlossary = false): ComponentChildren {
    return content.map((n, i) => {
      switch (n.kind) {
        case 'text':
          return !noGlossary && this.glossaryOn && this.glossary ? this.glossary.linkText(n.text) : n.text;
        case 'break':
          return <br key={i} />;
        case 'strong':
          return <strong key={i}>{this.inlines(n.children, noGlossary)}</strong>;
        case 'em':
          return <em key={i}>{this.inlines(n.children, noGlossary)}</em>;
        case 'link': {
          if ('href' in n.target) {
            return (
              <a class="utrecht-link" href={n.target.href} rel="noopener" key={i}>
                {this.inlines(n.children, true)}
              </a>
            );
          }
          const target = this.book.resolve(n.target.ref);
          const isName = n.auto && /^(beroep|verhaal):/.test(n.target.ref) && !/^Verhaal\s/.test(flatText(n.children));
          if (!target || (isName && this.linkedNames.has(n.target.ref))) return this.inlines(n.children, true);
          if (isName) this.linkedNames.add(n.target.ref);
          return (
            <a class="utrecht-link" href={target.url} key={i}>
              {this.inlines(n.children, true)}
            </a>
          );
        }
      }
    });
  }
}

function flatText(content: readonly Inline[]): string {
  return content.map((n) => (n.kind === 'text' ? n.text : n.kind === 'break' ? ' ' : flatText(n.children))).join('');
}
