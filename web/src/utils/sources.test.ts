import { describe, expect, it } from 'vitest';
import { exampleQuestions, sourceAccent } from './sources';

describe('source look', () => {
  it("takes a source's accent and examples from the source itself", () => {
    const github = { accent: 'oklch(27.4% 0.006 286.033)', accent_dark: 'oklch(44.2% 0.017 285.786)', examples: ['Latest commits'] };
    expect(sourceAccent('github', github)).toEqual({ light: github.accent, dark: github.accent_dark });
    expect(sourceAccent('slack', { accent: 'red', accent_dark: null })).toEqual({ light: 'red', dark: 'red' });
    expect(exampleQuestions('github', github)).toEqual(['Latest commits']);
  });

  it('keeps a look only for the views that are not sources, and a plain one for a source that says nothing', () => {
    expect(sourceAccent('all').light).toBe('oklch(51.1% 0.262 276.966)');
    expect(sourceAccent('what_you_missed').light).toBe('oklch(66.6% 0.179 58.318)');
    expect(sourceAccent('slack')).toEqual({ light: 'oklch(44.6% 0.043 257.281)', dark: 'oklch(44.6% 0.043 257.281)' });
    expect(exampleQuestions('all')[0]).toBe("What's going on with the checkout bug?");
    expect(exampleQuestions('custom', { examples: [] })).toContain('What can you do with this source?');
  });
});
