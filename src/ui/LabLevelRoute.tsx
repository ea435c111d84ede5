/** A lab level's page, loaded lazily: its frame (the lab store, playback, motion) and the level. */
import { LabFrame } from './LabFrame';
import { LevelPage } from './LevelPage';
import type { LabRoute } from './routes';

export default function LabLevelRoute({ route }: { route: LabRoute }) {
  return (
    <LabFrame route={route}>
      <LevelPage key={route.id} route={route} />
    </LabFrame>
  );
}
