// Recognises an IP address without Node's `net` (the log toolkit also runs in browsers and workers). IPv4 is checked
// character by character, as it may be read on every line of a log. IPv6 goes through the URL parser, which every
// runtime ships and which implements the full IPv6 grammar (`::`, embedded IPv4); the character check before it
// keeps anything else (a `]`, a path, a port) from reaching it.
const IPV6_CHARS = /^[0-9A-Fa-f:.]{2,45}$/;

/** Dotted-decimal IPv4: four numbers from 0 to 255, without leading zeros (which some parsers read as octal). */
function isIpv4(text: string): boolean {
  const length = text.length;
  if (length < 7 || length > 15) return false;
  let dots = 0;
  let digits = 0;
  let value = 0;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || dots === 3) return false;
      dots++;
      digits = 0;
      value = 0;
      continue;
    }
    const d = c - 48;
    if (d < 0 || d > 9 || (digits === 1 && value === 0)) return false;
    value = value * 10 + d;
    digits++;
    if (value > 255) return false;
  }
  return dots === 3 && digits > 0;
}

/**
 * Whether `text` is exactly one IPv4 address in dotted-decimal form (no leading zeros) or one IPv6 address (no
 * zone id, no brackets, no port).
 */
export function isIpAddress(text: string): boolean {
  if (isIpv4(text)) return true;
  if (text.indexOf(":") === -1 || !IPV6_CHARS.test(text)) return false;
  try {
    new URL(`http://[${text}]/`);
    return true;
  } catch {
    return false;
  }
}
