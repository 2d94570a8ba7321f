// A small reader for the .eml files the backend writes: the headers (RFC 2047 words
// decoded), and the text and HTML parts decoded from base64 or quoted-printable as UTF-8.

function qpDecode(s) {
  const cleaned = s.replace(/=\r?\n/g, '');
  const bytes = [];
  for (let i = 0; i < cleaned.length; i += 1) {
    const hex = cleaned.slice(i + 1, i + 3);
    if (cleaned[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(cleaned[i], 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** `=?utf-8?b?…?=` and `=?utf-8?q?…?=` words; the space between two words goes. */
function decodeWords(value) {
  return value
    .replace(/(=\?[^?]+\?[bq]\?[^?]*\?=)\s+(?==\?)/gi, '$1')
    .replace(/=\?([^?]+)\?([bq])\?([^?]*)\?=/gi, (_, _charset, kind, data) =>
      kind.toLowerCase() === 'b' ? Buffer.from(data, 'base64').toString('utf8') : qpDecode(data.replace(/_/g, ' ')),
    );
}

function splitHead(raw) {
  const at = raw.search(/\r?\n\r?\n/);
  const head = at < 0 ? raw : raw.slice(0, at);
  const body = at < 0 ? '' : raw.slice(at).replace(/^\r?\n\r?\n/, '');
  const headers = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body };
}

function decodeBody(headers, body) {
  const encoding = (headers['content-transfer-encoding'] ?? '').toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') return qpDecode(body);
  return body;
}

/** {to, subject, lang, text, html, raw} of one message. */
export function parseEmail(raw) {
  const { headers, body } = splitHead(raw);
  const parts = [];
  const boundary = (headers['content-type'] ?? '').match(/boundary="?([^";]+)"?/i)?.[1];
  if (boundary) {
    for (const chunk of body.split(`--${boundary}`).slice(1)) {
      if (chunk.startsWith('--')) break;
      const part = splitHead(chunk.replace(/^\r?\n/, ''));
      parts.push({ type: (part.headers['content-type'] ?? '').toLowerCase(), content: decodeBody(part.headers, part.body) });
    }
  } else {
    parts.push({ type: (headers['content-type'] ?? 'text/plain').toLowerCase(), content: decodeBody(headers, body) });
  }
  const of = (type) => parts.find((p) => p.type.startsWith(type))?.content ?? '';
  return {
    to: decodeWords(headers.to ?? ''),
    subject: decodeWords(headers.subject ?? ''),
    lang: headers['content-language'] ?? '',
    text: of('text/plain'),
    html: of('text/html'),
    raw,
  };
}
