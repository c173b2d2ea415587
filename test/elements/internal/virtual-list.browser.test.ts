/// <reference types="mocha" />
import { expect, fixture, html as testHtml } from '@open-wc/testing';
import { LitElement, css, html } from 'lit';
import { VirtualList, type Edge } from '../../../src/elements/internal/virtual-list.js';
import { frames, until } from '../sms-thread/setup.js';

interface Item {
  id: string;
  height: number;
}

/** A list of fixed-height rows of varied heights, 300px tall, sticking to `stick`. */
function defineList(tag: string, stick: Edge) {
  class TestList extends LitElement {
    static override styles = css`
      .scroller {
        block-size: 300px;
        overflow-y: auto;
      }
    `;
    static override properties = { items: { attribute: false } };
    items: readonly Item[] = [];
    readonly list = new VirtualList<Item>(this, {
      scroller: () => this.renderRoot.querySelector<HTMLElement>('.scroller'),
      key: (item) => item.id,
      renderItem: (item) => html`<div class="row" tabindex="-1" data-id=${item.id} style="block-size: ${item.height}px">${item.id}</div>`,
      stick,
      estimate: 30,
    });
    override render() {
      return html`<div class="scroller" @scroll=${this.list.onScroll}>${this.list.render(this.items)}</div>`;
    }
  }
  customElements.define(tag, TestList);
  return TestList;
}

const EndList = defineList('test-end-list', 'end');
const StartList = defineList('test-start-list', 'start');
type TestList = InstanceType<typeof EndList>;

const make = (count: number, prefix = 'i', first = 0): Item[] =>
  Array.from({ length: count }, (_, i) => ({ id: `${prefix}${first + i}`, height: 20 + ((first + i) * 7) % 41 }));

const scroller = (el: TestList) => el.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
const rows = (el: TestList) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('.row')];
const row = (el: TestList, id: string) => el.shadowRoot!.querySelector<HTMLElement>(`.row[data-id="${id}"]`);
const offsetOf = (el: TestList, id: string) => row(el, id)!.getBoundingClientRect().top - scroller(el).getBoundingClientRect().top;
const distanceFromEnd = (el: HTMLElement) => el.scrollHeight - el.scrollTop - el.clientHeight;
/** The first row whose bottom is below the top of the view. */
const firstVisible = (el: TestList) => {
  const top = scroller(el).getBoundingClientRect().top;
  return rows(el).find((r) => r.getBoundingClientRect().bottom > top + 1)!.dataset.id!;
};

async function open(List: typeof EndList, items: Item[]): Promise<TestList> {
  const tag = List === EndList ? 'test-end-list' : 'test-start-list';
  const el = await fixture<TestList>(testHtml`<div></div>`);
  const list = document.createElement(tag) as TestList;
  list.items = items;
  el.append(list);
  await until(() => rows(list).length > 0, 'rows');
  await frames(3);
  return list;
}

async function scrollBy(el: TestList, pixels: number) {
  scroller(el).scrollTop += pixels;
  await frames(3);
}

/** Grows an overscan row above the view and checks that what the user sees did not move. */
async function growRowAboveView(el: TestList, message?: string) {
  const above = rows(el).find((r) => r.getBoundingClientRect().bottom < scroller(el).getBoundingClientRect().top)!;
  expect(above, 'an overscan row above the view').to.exist;
  const id = firstVisible(el);
  const before = offsetOf(el, id);
  above.style.blockSize = '250px';
  await frames(4);
  expect(offsetOf(el, id), message).to.be.closeTo(before, 1);
}

describe('VirtualList', () => {
  it('rests while hidden (it cannot scroll there) and lays itself out when shown', async () => {
    for (const List of [EndList, StartList]) {
      const holder = await fixture<HTMLElement>(testHtml`<div hidden></div>`);
      const list = document.createElement(List === EndList ? 'test-end-list' : 'test-start-list') as TestList;
      list.items = make(10_000);
      let updates = 0;
      list.addController({ hostUpdated: () => (updates += 1) });
      holder.append(list);
      await frames(10);
      expect(updates, 'updates while hidden').to.be.below(4);
      holder.hidden = false;
      await until(() => rows(list).length > 0 && rows(list).length < 100, 'rows once shown');
    }
  });

  it('renders a bounded window of 10,000 items of varied heights, between spacers', async () => {
    const items = make(10_000);
    const el = await open(EndList, items);
    expect(rows(el).length).to.be.within(5, 60);
    expect(rows(el).at(-1)!.dataset.id).to.equal('i9999');
    expect(distanceFromEnd(scroller(el))).to.be.at.most(1);
    for (const r of rows(el)) expect(r.getBoundingClientRect().height).to.equal(items[Number(r.dataset.id!.slice(1))].height);
    // The rows rendered are consecutive and shown in order.
    const ids = rows(el).map((r) => Number(r.dataset.id!.slice(1)));
    expect(ids).to.deep.equal(ids.map((_, i) => ids[0] + i));
    await scrollBy(el, -50_000);
    expect(rows(el).length).to.be.within(5, 60);
    expect(rows(el).some((r) => r.dataset.id === 'i9999')).to.equal(false);
  });

  it('draws its first frame from the estimate alone, at the sticky edge, then measures and adds the overscan', async () => {
    for (const List of [EndList, StartList]) {
      const el = await fixture<TestList>(testHtml`<div></div>`);
      const list = document.createElement(List === EndList ? 'test-end-list' : 'test-start-list') as TestList;
      list.items = make(10_000);
      el.append(list);
      await list.updateComplete;
      const first = rows(list).map((r) => r.dataset.id);
      // No overscan yet: the window's height over the 30px estimate.
      expect(first.length).to.be.within(Math.floor(innerHeight / 30), Math.ceil(innerHeight / 30) + 1);
      expect(first).to.include(List === EndList ? 'i9999' : 'i0');
      expect(scroller(list).scrollTop).to.equal(List === EndList ? scroller(list).scrollHeight - scroller(list).clientHeight : 0);
      await frames(3);
      const measured = rows(list);
      const spacer = scroller(list).firstElementChild!.getBoundingClientRect().height;
      const heights = measured.reduce((sum, r) => sum + r.getBoundingClientRect().height, 0);
      // The overscan reaches past the 300px view on the side away from the edge.
      expect(heights).to.be.above(300 + 200);
      if (List === StartList) expect(spacer).to.equal(0);
      else expect(distanceFromEnd(scroller(list))).to.be.at.most(1);
    }
  });

  it('brings an unrendered item into view with scrollToIndex, at start, end or nearest', async () => {
    const el = await open(EndList, make(10_000));
    const view = () => scroller(el).getBoundingClientRect();
    for (const [index, block] of [[5000, 'start'], [1234, 'end'], [40, 'nearest'], [9000, 'nearest']] as const) {
      await el.list.scrollToIndex(index, block);
      await frames(2);
      const box = row(el, `i${index}`)!.getBoundingClientRect();
      if (block === 'start') expect(box.top - view().top, `${index} at the start`).to.be.closeTo(0, 1);
      if (block === 'end') expect(view().bottom - box.bottom, `${index} at the end`).to.be.closeTo(0, 1);
      expect(box.top, `${index} is in view`).to.be.at.least(view().top - 1);
      expect(box.bottom, `${index} is in view`).to.be.at.most(view().bottom + 1);
      expect(rows(el).length).to.be.within(5, 60);
    }
    expect(el.list.pinned).to.equal(false);
  });

  it('keeps the view still when items are prepended above it', async () => {
    const el = await open(EndList, make(300, 'i', 1000));
    await scrollBy(el, -3000);
    const id = firstVisible(el);
    const before = offsetOf(el, id);
    const others = rows(el).map((r) => [r.dataset.id!, offsetOf(el, r.dataset.id!)] as const);
    el.items = [...make(200, 'i', 0), ...el.items];
    await frames(4);
    expect(offsetOf(el, id)).to.be.closeTo(before, 1);
    for (const [other, offset] of others) if (row(el, other)) expect(offsetOf(el, other), other).to.be.closeTo(offset, 1);
    expect(el.list.first).to.be.above(200);
  });

  it('keeps the view still when a row above it grows', async () => {
    const el = await open(EndList, make(300));
    await scrollBy(el, -2000);
    await growRowAboveView(el);
  });

  it('sticks to the end as items arrive, and stops when the user scrolls away', async () => {
    const el = await open(EndList, make(500));
    el.items = [...el.items, ...make(3, 'new')];
    await until(() => row(el, 'new2'), 'the new rows');
    await frames(2);
    expect(distanceFromEnd(scroller(el))).to.be.at.most(1);
    expect(el.list.pinned).to.equal(true);

    await scrollBy(el, -1000);
    expect(el.list.pinned).to.equal(false);
    const id = firstVisible(el);
    const before = offsetOf(el, id);
    el.items = [...el.items, ...make(3, 'later')];
    await frames(4);
    expect(offsetOf(el, id)).to.be.closeTo(before, 1);
    expect(row(el, 'later0')).to.equal(null);

    el.list.pin();
    await until(() => row(el, 'later2') && distanceFromEnd(scroller(el)) <= 1, 'the end again');
  });

  it('keeps the element, and the focus, of an item that stays in view while items come and go around it', async () => {
    const el = await open(EndList, make(500));
    const view = scroller(el).getBoundingClientRect();
    const inView = rows(el).filter((r) => r.getBoundingClientRect().top >= view.top);
    const elements = new Map(inView.map((r) => [r.dataset.id!, r]));
    const focused = rows(el).at(-3)!;
    focused.focus();
    el.items = [...el.items, ...make(3, 'new')];
    await until(() => row(el, 'new2') && distanceFromEnd(scroller(el)) <= 1, 'the new rows at the end');
    await frames(2);
    expect(el.shadowRoot!.activeElement, 'the focus stays on its item').to.equal(focused);
    expect(focused.isConnected).to.equal(true);
    const kept = rows(el).filter((r) => elements.has(r.dataset.id!));
    expect(kept.length).to.be.above(4);
    for (const r of kept) expect(r, `the element of ${r.dataset.id}`).to.equal(elements.get(r.dataset.id!));

    el.items = [...make(200, 'old'), ...el.items];
    await frames(4);
    expect(el.shadowRoot!.activeElement, 'the focus stays after a prepend').to.equal(focused);
    // Every item in range has exactly one row, in order, and nothing else sits between the spacers.
    const ids = rows(el).map((r) => r.dataset.id);
    expect(ids).to.deep.equal(el.items.slice(el.list.first, el.list.last).map((item) => item.id));
    expect(scroller(el).children.length).to.equal(ids.length + 2);
  });

  it('leaves no rows behind when it scrolls far, and keeps its view and measures again when moved in the page', async () => {
    const el = await open(EndList, make(2000));
    await scrollBy(el, -20_000);
    await scrollBy(el, -20_000);
    const ids = rows(el).map((r) => r.dataset.id);
    expect(ids).to.deep.equal(el.items.slice(el.list.first, el.list.last).map((item) => item.id));
    expect(scroller(el).children.length).to.equal(ids.length + 2);

    // Moved elsewhere in the page: disconnected, then connected again (the browser forgets the scroll position).
    const shown = firstVisible(el);
    const offset = offsetOf(el, shown);
    const holder = el.parentElement!;
    el.remove();
    holder.append(el);
    await frames(3);
    expect(firstVisible(el), 'the view is where it was').to.equal(shown);
    expect(offsetOf(el, shown)).to.be.closeTo(offset, 1);
    await growRowAboveView(el, 'a row that grew above the view is measured');
  });

  it('sticks to the start as items arrive there, for lists newest first', async () => {
    const el = await open(StartList, make(500));
    expect(rows(el)[0].dataset.id).to.equal('i0');
    el.items = [...make(2, 'new'), ...el.items];
    await frames(4);
    expect(scroller(el).scrollTop).to.equal(0);
    expect(rows(el)[0].dataset.id).to.equal('new0');

    await scrollBy(el, 1500);
    const id = firstVisible(el);
    const before = offsetOf(el, id);
    el.items = [...make(2, 'later'), ...el.items];
    await frames(4);
    expect(offsetOf(el, id)).to.be.closeTo(before, 1);
  });
});
