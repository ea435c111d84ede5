/** The production page, loaded lazily, in the lab's frame (its notices and files go through the lab store). */
import { LabFrame } from './LabFrame';
import ProductionPage from './production/ProductionPage';
import type { Route } from './routes';

export default function ProductionRoute({ route }: { route: Route }) {
  return (
    <LabFrame route={route}>
      <ProductionPage />
    </LabFrame>
  );
}
