// `dd mmm yyyy HH:MM:ss Z` of the dateformat package impt 2.6.1 uses for
// `Started at`, e.g. `09 Mar 2018 18:58:31 GMT+0300`.
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const US_ZONE = /\b(?:[PMCEA][SDP]T|(?:Pacific|Mountain|Central|Eastern|Atlantic) (?:Standard|Daylight|Prevailing) Time|(?:GMT|UTC)(?:[-+]\d{4})?)\b/g;

function zone(d: Date): string {
  const found = String(d).match(US_ZONE);
  const last = found?.pop();
  if (last) return last.length > 8 ? last.replace(/[a-z ]/g, '') : last;
  const off = -d.getTimezoneOffset();
  const abs = Math.abs(off);
  return `GMT${off < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

export function startedAt(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getDate())} ${MONTHS[d.getMonth()]} ${d.getFullYear()} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())} ${zone(d)}`;
}
