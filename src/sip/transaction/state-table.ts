/**
 * The explicit transition tables behind every state machine in the core: a
 * transition not listed is a programmer error, so it throws instead of letting
 * the machine drift into a state the RFC never describes.
 */
export type StateTable<S extends string> = { readonly [From in S]: readonly S[] };

export function checkTransition<S extends string>(table: StateTable<S>, machine: string, from: S, to: S): void {
  if (!table[from].includes(to)) throw new Error(`${machine}: no transition ${from} → ${to}`);
}
