/**
 * The run on the page as a file, and a file as a run: "Save this run as a file" writes the steps,
 * the switches and the picks (what `npm run simulate` replays, and what the link's fragment holds);
 * "Open a scenario file" checks a file as the CLI does and opens it by its link, on the page of its
 * level.
 */
import { useRef, type ChangeEvent } from 'react';
import type { FixName, Scenario } from '../../engine';
import { addressOf, readFile, writeLink } from '../../store/link';
import { navigate } from '../nav';
import { saveRunFile } from '../lib/saveFile';
import { useLabApi } from '../hooks/labStore';

export interface RunFileProps {
  readonly scenario: Scenario;
  readonly off: readonly FixName[];
  readonly choices: readonly number[] | null;
  /** What the run is called (the scenario button's title), for the file's name. */
  readonly name: string;
}

export function RunFile({ scenario, off, choices, name }: RunFileProps) {
  const app = useLabApi();
  const input = useRef<HTMLInputElement>(null);

  const save = () => saveRunFile(scenario, name, off, choices);

  const open = async (e: ChangeEvent<HTMLInputElement>) => {
    const chosen = e.target.files?.[0];
    e.target.value = '';
    if (!chosen) return;
    const read = readFile(new Uint8Array(await chosen.arrayBuffer()));
    const notify = app.getState().actions.notify;
    if ('problem' in read) return notify(`${chosen.name} cannot be opened: ${read.problem}.`);
    if (read.file.load !== undefined)
      return notify(
        `${chosen.name} is a load run; run it with npm run simulate, or give its numbers to the Load lab’s form.`,
      );
    // Its link, as any link opens: on the page of the file's level (a level's page has the level's id).
    navigate(addressOf(writeLink({ level: read.file.scenario.level, file: read.file.json })));
  };

  return (
    <section className="panel prod-file" aria-labelledby="prod-file-title">
      <div className="panel__head">
        <h2 id="prod-file-title">This run as a file</h2>
      </div>
      <p className="prod-note">
        The steps, the switches and your picks: <code>npm run simulate</code> replays the file, and opened here it gives
        this very view. The address bar holds the same run as a link.
      </p>
      <div className="prod-file__actions">
        <button type="button" className="button button--small" onClick={save}>
          Save this run as a file
        </button>
        <button type="button" className="button button--small button--quiet" onClick={() => input.current?.click()}>
          Open a scenario file…
        </button>
        <input
          ref={input}
          type="file"
          accept=".json,application/json"
          className="sr-only"
          aria-label="Open a scenario file"
          tabIndex={-1}
          onChange={(e) => void open(e)}
        />
      </div>
    </section>
  );
}
