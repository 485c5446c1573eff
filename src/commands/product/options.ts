// Options shared by the product commands.
import type { OptionSpec } from '../../cli/spec.js';
import { defineOption } from '../shared/define.js';

export const PRODUCT_OPTION = defineOption({
  name: 'product',
  alias: 'p',
  kind: 'string',
  usage: '<PRODUCT_IDENTIFIER>',
  describe:
    'A Product identifier: Product ID or Product name. If not specified, the Product referenced by the Project file in the current directory is used (if there is no Project file, the command fails).',
});
