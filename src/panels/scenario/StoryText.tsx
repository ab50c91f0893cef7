// Scenario text is plain text from a file or a link: rendered as React text (never as HTML),
// with blank lines as paragraph breaks and lines starting "- " as list items.
export function StoryText({ text }: { text: string }) {
  const blocks = text.trim().split(/\n\s*\n/);
  return (
    <div className="story">
      {blocks.map((block, i) => {
        const lines = block.split('\n').map((l) => l.trim()).filter(Boolean);
        if (lines.length && lines.every((l) => l.startsWith('- '))) {
          return <ul key={i}>{lines.map((l, j) => <li key={j}>{l.slice(2)}</li>)}</ul>;
        }
        return <p key={i}>{lines.join(' ')}</p>;
      })}
    </div>
  );
}
