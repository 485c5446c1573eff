// Session ids: two random English words joined by `-`, like impt 2.6.1's.
import { randomInt } from 'node:crypto';

const WORDS = (
  'able acid aged also area army away baby back ball band bank base bath bear beat bell belt best bird blue boat body bone book boot born ' +
  'cake calm camp card care case cash cell chat chip city clay club coal coat code cold cook cool copy corn cost crew crop dark dawn ' +
  'deal deep deer desk disk dock door dove down draw drop drum dust duty earl east easy edge face fact farm fast fern file fire fish ' +
  'flag flat flow foam fold food foot fork form fort free frog fuel gain game gate gift gold golf good gray grid grow hall hand harp ' +
  'hawk heat herb hero hill home hope horn host idea iron isle jade jazz king kite knot lake lamp land lark leaf lily lime line lion ' +
  'loft long lord luck mail main malt mars mast meal mild mill mint mist moon moss moth nest news nice node nook nova oak open oval ' +
  'pace page palm park path peak pear pine plan plum pond pool port rain reed rest rice ring river road rock roof rose ruby sage ' +
  'salt sand seal seed ship silk snow soil song star stem stone sun swan tide tree true vale vast vine wave west wind wing wolf wood ' +
  'world yard year zinc'
).split(' ');

export function sessionId(): string {
  return `${WORDS[randomInt(WORDS.length)]}-${WORDS[randomInt(WORDS.length)]}`;
}
