import { describe, expect, it } from 'vitest';
import { diagramSvg, xmlText } from '../../src/canvas/diagram-svg';
import { exampleDesign } from '../../src/model/example';
import { DEMOS } from '../../src/model/demos';
import type { Design } from '../../src/model/types';

/** Tags opened and closed in order: a small well-formedness check (no DOM parser in Node). */
function balanced(svg: string): boolean {
  const stack: string[] = [];
  for (const m of svg.replace(/<\?xml[^>]*\?>/, '').matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
    const [, closing, name, selfClosing] = m;
    if (selfClosing) continue;
    if (!closing) stack.push(name!);
    else if (stack.pop() !== name) return false;
  }
  return stack.length === 0;
}

describe('the diagram as a vector SVG', () => {
  it('draws every component, connection and zone as shapes and text, with no embedded HTML', () => {
    const design = exampleDesign();
    const { svg, width, height } = diagramSvg(design);
    expect(svg).not.toContain('foreignObject');
    expect(balanced(svg)).toBe(true);
    expect(svg.match(/<g class="node"/g)?.length).toBe(design.nodes.length);
    expect(svg.match(/<g class="edge /g)?.length).toBe(design.edges.length);
    for (const n of design.nodes) expect(svg).toContain(`<title>${xmlText(n.label)}`);
    // The picture holds every component: the view box covers each card.
    const [x0, y0] = svg.match(/viewBox="([-\d.]+) ([-\d.]+)/)!.slice(1).map(Number) as [number, number];
    for (const n of design.nodes) {
      expect(n.position.x).toBeGreaterThanOrEqual(x0);
      expect(n.position.y).toBeGreaterThanOrEqual(y0);
      expect(n.position.x + 188).toBeLessThanOrEqual(x0 + width);
      expect(n.position.y + 64).toBeLessThanOrEqual(y0 + height);
    }
    // Small: a few kilobytes per component, not a page of HTML.
    expect(svg.length).toBeLessThan(2_000 * design.nodes.length + 4_000);
  });

  it('draws zones and regions, async messages dashed, and split shares on the connections', () => {
    const demo = DEMOS.find((d) => d.design.groups.some((g) => g.kind === 'zone'))!.design;
    const { svg } = diagramSvg(demo);
    expect(svg.match(/<g class="group zone"/g)?.length).toBe(demo.groups.filter((g) => g.kind === 'zone').length);
    expect(svg).toContain('AVAILABILITY ZONE');
    const withAsync: Design = { ...demo, edges: demo.edges.map((e, i) => (i === 0 ? { ...e, mode: 'async' as const } : e)) };
    expect(diagramSvg(withAsync).svg).toMatch(/<g class="edge async"><path [^>]*stroke-dasharray="6 4"/);
    if (demo.edges.some((e) => e.share < 1)) expect(svg).toContain('50%');
  });

  it('escapes names that look like markup, and keeps long names inside the card', () => {
    const base = exampleDesign();
    const evil = '<script>alert("x")</script> & Co';
    const design: Design = { ...base, name: evil, nodes: base.nodes.map((n, i) => (i === 0 ? { ...n, label: `${evil} with a very long name indeed` } : n)) };
    const { svg } = diagramSvg(design);
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;');
    expect(balanced(svg)).toBe(true);
    const firstLabel = svg.match(/font-size="13" font-weight="600" fill="#0f172a">([^<]*)</)![1]!;
    expect(firstLabel.endsWith('…')).toBe(true);
  });

  it('hides what identify mode asks the learner to find', () => {
    const design = exampleDesign();
    const hidden = design.nodes[1]!;
    const { svg } = diagramSvg(design, { masked: (id) => id === hidden.id });
    expect(svg).not.toContain(xmlText(hidden.label));
    expect(svg).toContain('What is this?');
  });

  it('an empty design is a small blank picture, not an error', () => {
    const { svg, width, height } = diagramSvg({ ...exampleDesign(), nodes: [], edges: [], groups: [] });
    expect(balanced(svg)).toBe(true);
    expect(width).toBeGreaterThan(0);
    expect(height).toBeGreaterThan(0);
  });
});
