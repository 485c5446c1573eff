// What results are made of: plain values and objects that the output layer
// lays out (src/output/format.ts). A types-only module, so that errors and
// commands can describe results without importing the output layer.
export type Scalar = string | number | boolean | null;
export type Value = Scalar | undefined | Value[] | DisplayObject;
export interface DisplayObject {
  [key: string]: Value;
}
