// Whether a client island has hydrated. Islands show it as `data-hydrated` on their root:
// before that, a click reaches plain server HTML (a full form post, or nothing at all), so
// end-to-end tests wait for the attribute before they click.
import { useEffect, useState } from "react";

export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

/** Spread on an island's root element: `<div {...hydratedAttr(hydrated)}>`. */
export const hydratedAttr = (hydrated: boolean) => (hydrated ? { "data-hydrated": "" } : {});
