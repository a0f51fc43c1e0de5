import { Drop, toValue, toValueSync } from 'liquidjs';
import type { BlockTag, Context, Emitter, LayoutTag, Template } from 'liquidjs';
import { PlainTag, renderList } from './plain-tags.ts';

// `{% layout %}` and `{% block %}` without liquidjs's generators: every page of a theme is a layout's blocks, so
// liquidjs took each page through a dozen generator steps (the layout, the stored blocks, the block drop, each
// body's render loop) around the page's own content. These take liquidjs's steps as plain calls, through the same
// registers liquidjs's own tags use ('blockMode', 'blocks', 'blockStack'), so a page whose layout is liquidjs's tag
// (a computed file name) and a layout holding liquidjs's blocks render as before. liquidjs is pinned to an exact
// version (package.json); test/site/liquid-compile.test.ts renders both themes' sites and the edge cases both ways.

/** liquidjs's BlockMode (not exported): blocks are rendered where they stand, or stored for the layout. */
const OUTPUT = 0;
const STORE = 1;

type BlockRender = (superBlock: SuperBlock, emitter: Emitter) => unknown;

/** `block` inside a block: `{{ block.super }}` is the layout's own content of that block (liquidjs's BlockDrop). */
class SuperBlock extends Drop {
  superBlockRender: (emitter: Emitter) => unknown;

  constructor(superBlockRender: (emitter: Emitter) => unknown = () => '') {
    super();
    this.superBlockRender = superBlockRender;
  }

  super(): string {
    const emitter = new TextEmitter();
    toValueSync(this.superBlockRender(emitter));
    return emitter.buffer;
  }
}

/** liquidjs's SimpleEmitter (not exported): the text written, each part as liquidjs's `stringify` makes it. */
class TextEmitter implements Emitter {
  buffer = '';

  write(html: unknown): void {
    this.buffer += stringify(html);
  }
}

/**
 * A whole file's text as liquidjs's render loop gives it with a SimpleEmitter, for compiled files (no render time
 * limit, no collected errors), without the loop's generator and its clock reads (every page and list item).
 */
export function renderText(templates: readonly Template[], ctx: Context): string {
  const out = new TextEmitter();
  renderList(templates, ctx, out);
  return out.buffer;
}

function stringify(value: unknown): string {
  const v = toValue(value);
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map((x) => stringify(x)).join('');
  return String(v);
}

/** A layout named by a constant, without arguments (liquidjs's tag does `none`, computed names and arguments). */
export class PlainLayout extends PlainTag<LayoutTag> {
  private readonly file: string;

  private constructor(tag: LayoutTag, file: string) {
    super(tag);
    this.file = file;
  }

  static of(tag: LayoutTag): PlainLayout | null {
    // keepOutputType would keep the page's text outside its blocks as a value, not a string.
    const plain = typeof tag.file === 'string' && tag.file !== '' && Object.keys(tag.args.hash).length === 0 && !tag.liquid.options.keepOutputType;
    return plain ? new PlainLayout(tag, tag.file as string) : null;
  }

  render(ctx: Context, emitter: Emitter): undefined {
    const { liquid, templates } = this.tag;
    const layout = toValueSync(liquid._parseLayoutFile(this.file, ctx.sync, this.tag.token.file)) as Template[];
    // The page's blocks are stored; what the page has outside them is the layout's anonymous block unless it has one.
    ctx.setRegister('blockMode', STORE);
    const rest = new TextEmitter();
    renderList(templates, ctx, rest);
    const blocks = ctx.getRegister<Record<string, BlockRender>>('blocks', {});
    if (blocks[''] === undefined) blocks[''] = (_parent, out) => out.write(rest.buffer);
    ctx.setRegister('blockMode', OUTPUT);
    ctx.push(Object.create(null) as object);
    renderList(layout, ctx, emitter);
    ctx.pop();
    return undefined;
  }
}

/** A block: stored while a layout collects its page's blocks, else rendered with the blocks that fill it. */
export class PlainBlock extends PlainTag<BlockTag> {
  static of(tag: BlockTag): PlainBlock {
    return new PlainBlock(tag);
  }

  render(ctx: Context, emitter: Emitter): undefined {
    const blockRender = this.blockRender(ctx);
    if (ctx.getRegister('blockMode') === STORE) ctx.getRegister<Record<string, BlockRender>>('blocks', {})[this.tag.block] = blockRender;
    else toValueSync(blockRender(new SuperBlock(), emitter));
    return undefined;
  }

  /** liquidjs's BlockTag.getBlockRender: this block's body, or the stored one that fills it (given this one as super). */
  private blockRender(ctx: Context): BlockRender {
    const { tag } = this;
    const renderChild = ctx.getRegister<Record<string, BlockRender>>('blocks', {})[tag.block];
    const renderCurrent: BlockRender = (superBlock, emitter) => {
      const stack = ctx.getRegister<Template[]>('blockStack', []);
      if (stack.includes(tag)) throw new Error('block tag cannot be nested');
      stack.push(tag);
      const scope = Object.create(null) as { block: SuperBlock };
      scope.block = superBlock;
      ctx.push(scope);
      renderList(tag.templates, ctx, emitter);
      ctx.pop();
      stack.pop();
    };
    return renderChild ? (superBlock, emitter) => renderChild(new SuperBlock((out) => renderCurrent(superBlock, out)), emitter) : renderCurrent;
  }
}
