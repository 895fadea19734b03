// Minimal multipart/form-data parser for the bodies @discordjs/rest sends with files:
// one `payload_json` field (the JSON body) plus `files[N]` parts.

import type { MultipartBody, RecordedFile } from './types.js';

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');

function boundaryOf(contentType: string): string {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  if (!boundary) throw new Error(`multipart body without a boundary (content-type: ${contentType})`);
  return boundary;
}

/** undici escapes `"`, CR and LF in names as %22, %0D, %0A. */
function unescapeName(value: string): string {
  return value.replace(/%22/g, '"').replace(/%0D/gi, '\r').replace(/%0A/gi, '\n');
}

function dispositionParam(disposition: string, key: string): string | undefined {
  const match = new RegExp(`(?:^|;)\\s*${key}="((?:[^"\\\\]|\\\\.)*)"`, 'i').exec(disposition);
  if (match?.[1] !== undefined) return unescapeName(match[1]);
  const bare = new RegExp(`(?:^|;)\\s*${key}=([^;]+)`, 'i').exec(disposition);
  return bare?.[1]?.trim();
}

export function parseMultipart(body: Buffer, contentType: string): MultipartBody {
  const delimiter = Buffer.from(`--${boundaryOf(contentType)}`);
  const result: MultipartBody = { fields: {}, files: [] };

  let position = body.indexOf(delimiter);
  while (position !== -1) {
    let start = position + delimiter.length;
    // "--boundary--" closes the body.
    if (body[start] === 0x2d && body[start + 1] === 0x2d) break;
    if (body[start] === 0x0d && body[start + 1] === 0x0a) start += CRLF.length;
    const next = body.indexOf(Buffer.concat([CRLF, delimiter]), start);
    if (next === -1) break;
    const part = body.subarray(start, next);
    position = next + CRLF.length;

    const headerEnd = part.indexOf(HEADER_END);
    if (headerEnd === -1) continue;
    const headers = new Map<string, string>();
    for (const line of part.subarray(0, headerEnd).toString('utf8').split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
    const content = part.subarray(headerEnd + HEADER_END.length);
    const disposition = headers.get('content-disposition') ?? '';
    const name = dispositionParam(disposition, 'name') ?? '';
    const filename = dispositionParam(disposition, 'filename');

    if (filename !== undefined) {
      const file: RecordedFile = {
        field: name,
        filename,
        contentType: headers.get('content-type') ?? 'application/octet-stream',
        size: content.length,
        bytes: Buffer.from(content),
      };
      result.files.push(file);
    } else if (name === 'payload_json') {
      const text = content.toString('utf8');
      result.fields[name] = text;
      result.payload_json = JSON.parse(text) as unknown;
    } else {
      result.fields[name] = content.toString('utf8');
    }
  }
  return result;
}
