// The syntax tree the parser builds and the compiler turns into JavaScript.

export interface Pos {
  line: number;
  col: number;
}

export type Expr = Pos &
  (
    | { t: 'int'; v: number }
    | { t: 'float'; v: number }
    | { t: 'str'; v: string }
    | { t: 'bool'; v: boolean }
    | { t: 'null' }
    | { t: 'id'; name: string }
    | { t: 'this' }
    | { t: 'base' }
    | { t: 'root' }
    /** obj.key (dot) or obj[key] */
    | { t: 'member'; obj: Expr; key: Expr }
    | { t: 'call'; fn: Expr; args: Expr[] }
    | { t: 'bin'; op: string; l: Expr; r: Expr }
    | { t: 'and'; l: Expr; r: Expr }
    | { t: 'or'; l: Expr; r: Expr }
    | { t: 'un'; op: string; e: Expr }
    /** = += -= *= /= %= and <- */
    | { t: 'assign'; op: string; target: Expr; value: Expr }
    | { t: 'incdec'; op: '++' | '--'; prefix: boolean; target: Expr }
    | { t: 'cond'; c: Expr; a: Expr; b: Expr }
    | { t: 'comma'; list: Expr[] }
    | { t: 'array'; items: Expr[] }
    | { t: 'table'; slots: { key: Expr; value: Expr }[] }
    | { t: 'func'; fn: FuncDef }
    | { t: 'class'; cls: ClassDef }
    | { t: 'delete'; target: Expr }
  );

export interface FuncDef extends Pos {
  name: string | null;
  params: string[];
  defaults: Expr[];
  varargs: boolean;
  body: Stmt[];
  isGenerator: boolean;
  /** Lambda `@(x) expr`: body is a single return. */
  lambda?: boolean;
}

export interface ClassMember {
  key: Expr;
  value: Expr;
  isStatic: boolean;
  attrs: Expr | null;
}

export interface ClassDef extends Pos {
  base: Expr | null;
  attrs: Expr | null;
  members: ClassMember[];
  name: string | null;
}

export interface SwitchCase {
  test: Expr;
  body: Stmt[];
}

export type Stmt = Pos &
  (
    | { t: 'expr'; e: Expr }
    | { t: 'local'; decls: { name: string; init: Expr | null }[] }
    | { t: 'localfn'; name: string; fn: FuncDef }
    | { t: 'if'; c: Expr; then: Stmt; else: Stmt | null }
    | { t: 'while'; c: Expr; body: Stmt }
    | { t: 'do'; c: Expr; body: Stmt }
    | { t: 'for'; init: Stmt | null; c: Expr | null; step: Expr | null; body: Stmt }
    | { t: 'foreach'; k: string | null; v: string; e: Expr; body: Stmt }
    | { t: 'switch'; e: Expr; cases: SwitchCase[]; dflt: Stmt[] | null }
    | { t: 'return'; e: Expr | null }
    | { t: 'yield'; e: Expr | null }
    | { t: 'break' }
    | { t: 'continue' }
    | { t: 'block'; body: Stmt[] }
    | { t: 'try'; body: Stmt; v: string; handler: Stmt }
    | { t: 'throw'; e: Expr }
    /** function a::b::c() {} → this.a.b.c <- closure */
    | { t: 'fnstmt'; path: string[]; fn: FuncDef }
    | { t: 'classstmt'; target: Expr; cls: ClassDef }
    | { t: 'const'; name: string; value: Expr }
    | { t: 'enum'; name: string; members: { name: string; value: Expr }[] }
    | { t: 'empty' }
  );
