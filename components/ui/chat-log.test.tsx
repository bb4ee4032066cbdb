import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ChatLog } from './chat-log';

describe('ChatLog', () => {
  it('shows a message’s HTML as text: escaped, never as markup', () => {
    const body = '<script>alert(1)</script><img src=x onerror=alert(2)> & <b>bold</b>';
    const html = renderToStaticMarkup(
      <ChatLog label="Conversation" empty="None" items={[{ id: 1, side: 'theirs', author: '<i>Eve</i>', at: '2026-01-01T10:00:00.000Z', atLabel: '10:00', body }]} />,
    );
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('<i>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt; &amp; &lt;b&gt;bold&lt;/b&gt;');
    expect(html).toContain('role="log"');
  });
});
