// A hidden <input type=file> that a visible button or a shortcut opens.
/** A file picker opened from a button or shortcut; picking the same file twice works. */
export function HiddenFileInput({ inputRef, accept, testId, onFile }: { inputRef: React.RefObject<HTMLInputElement | null>; accept: string; testId: string; onFile: (f: File) => Promise<void> }) {
  return (
    <input
      ref={inputRef}
      type="file"
      accept={accept}
      hidden
      data-testid={testId}
      onChange={(e) => {
        const f = e.target.files?.[0];
        e.target.value = '';
        if (f) void onFile(f);
      }}
    />
  );
}
