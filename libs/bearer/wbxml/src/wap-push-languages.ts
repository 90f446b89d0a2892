import type { AttributeStart, WbxmlLanguage } from './wbxml-language';

// si-sl-wbxml.md §2-§4 (libwbxml, Kannel and gnokii agree).
const VALUE_TOKENS = new Map([
  [0x85, '.com/'],
  [0x86, '.edu/'],
  [0x87, '.net/'],
  [0x88, '.org/'],
]);

function starts(entries: [number, string, string?][]): AttributeStart[] {
  return entries.map(([token, name, prefix = '']) => ({ token, name, prefix }));
}

function urlStarts(first: number, name: string): [number, string, string?][] {
  return [[first, name], [first + 1, name, 'http://'], [first + 2, name, 'http://www.'], [first + 3, name, 'https://'], [first + 4, name, 'https://www.']];
}

export const SI_LANGUAGE: WbxmlLanguage = {
  root: 'si',
  publicIdCode: 0x05,
  publicId: '-//WAPFORUM//DTD SI 1.0//EN',
  systemId: 'http://www.wapforum.org/DTD/si.dtd',
  tags: new Map([
    ['si', 0x05],
    ['indication', 0x06],
    ['info', 0x07],
    ['item', 0x08],
  ]),
  attributeStarts: starts([
    [0x05, 'action', 'signal-none'],
    [0x06, 'action', 'signal-low'],
    [0x07, 'action', 'signal-medium'],
    [0x08, 'action', 'signal-high'],
    [0x09, 'action', 'delete'],
    [0x0a, 'created'],
    ...urlStarts(0x0b, 'href'),
    [0x10, 'si-expires'],
    [0x11, 'si-id'],
    [0x12, 'class'],
  ]),
  attributeValues: VALUE_TOKENS,
  enumerated: new Set(['action']),
  dates: new Set(['created', 'si-expires']),
};

export const SL_LANGUAGE: WbxmlLanguage = {
  root: 'sl',
  publicIdCode: 0x06,
  publicId: '-//WAPFORUM//DTD SL 1.0//EN',
  systemId: 'http://www.wapforum.org/DTD/sl.dtd',
  tags: new Map([['sl', 0x05]]),
  attributeStarts: starts([
    [0x05, 'action', 'execute-low'],
    [0x06, 'action', 'execute-high'],
    [0x07, 'action', 'cache'],
    ...urlStarts(0x08, 'href'),
  ]),
  attributeValues: VALUE_TOKENS,
  enumerated: new Set(['action']),
  dates: new Set(),
};

export const CO_LANGUAGE: WbxmlLanguage = {
  root: 'co',
  publicIdCode: 0x07,
  publicId: '-//WAPFORUM//DTD CO 1.0//EN',
  systemId: 'http://www.wapforum.org/DTD/co_1.0.dtd',
  tags: new Map([
    ['co', 0x05],
    ['invalidate-object', 0x06],
    ['invalidate-service', 0x07],
  ]),
  attributeStarts: starts(urlStarts(0x05, 'uri')),
  attributeValues: VALUE_TOKENS,
  enumerated: new Set(),
  dates: new Set(),
};

export const WAP_PUSH_LANGUAGES: readonly WbxmlLanguage[] = [SI_LANGUAGE, SL_LANGUAGE, CO_LANGUAGE];
