import type { ReactNode } from 'react';

/**
 * A labelled file input that hands over one chosen file and then clears itself, so choosing the
 * same file again (after fixing it) loads it again. The file is read in this browser only.
 */
export function FileField({ id, label, accept, onFile, children }: { id: string; label: string; accept: string; onFile: (f: File) => void; children?: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="file"
        accept={accept}
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) onFile(f);
          e.target.value = '';
        }}
      />
      {children}
    </div>
  );
}
