import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { renderForm } from '../../../app/forms/formTestKit';
import { FoldersPanel } from './FoldersPanel';

afterEach(cleanup);

describe('FoldersPanel', { timeout: 30_000 }, () => {
  it('says the limit next to a too long folder name, keeps the text and blocks creating', async () => {
    const f = renderForm(<FoldersPanel readOnly={false} />);
    await screen.findByText('New folder', { selector: 'button' });
    f.type('folderName', 'x'.repeat(33));
    expect(f.text()).toContain('At most 32 characters (now 33).');
    expect(f.field('folderName').value).toHaveLength(33);
    expect(f.button('New folder').disabled).toBe(true);
    f.type('folderName', 'Store A');
    expect(f.text()).not.toContain('At most');
    expect(f.button('New folder').disabled).toBe(false);
  });

  it('says the limit in Japanese too', async () => {
    const f = renderForm(<FoldersPanel readOnly={false} />, { lang: 'ja' });
    await screen.findByText('新しいフォルダー', { selector: 'button' });
    f.type('folderName', 'あ'.repeat(40));
    expect(f.text()).toContain('32文字以内で入力してください（現在40文字）。');
    expect(f.button('新しいフォルダー').disabled).toBe(true);
  });

  it('checks the name when renaming', async () => {
    const folder = { id: 'f1', name: 'Store A', parentId: null, deviceIds: [] };
    const f = renderForm(<FoldersPanel readOnly={false} />, { routes: { '/folders': [folder] } });
    fireEvent.click(await screen.findByLabelText('Rename: Store A'));
    f.type('renameFolder', 'y'.repeat(33));
    expect(f.text()).toContain('At most 32 characters (now 33).');
    expect(f.button('Save').disabled).toBe(true);
  });
});
