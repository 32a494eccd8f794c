import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';

interface SelectedUnit {
  unitId: number;
  select(unitId: number): void;
}

const Context = createContext<SelectedUnit | null>(null);

/** The unit the pages show: the user's own unit until they pick another in the tree. */
export function SelectedUnitProvider({
  initialUnitId,
  children,
}: {
  initialUnitId: number;
  children: ReactNode;
}) {
  const [unitId, select] = useState(initialUnitId);
  const value = useMemo(() => ({ unitId, select }), [unitId]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useSelectedUnit(): SelectedUnit {
  const value = useContext(Context);
  if (!value) throw new Error('useSelectedUnit outside SelectedUnitProvider');
  return value;
}
