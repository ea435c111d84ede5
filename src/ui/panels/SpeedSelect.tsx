/**
 * The speed choice of a timeline (the lab's transport, the home page's two scenes): a labelled
 * select of the speeds that timeline offers. Light on purpose — the home page draws it in its
 * first view.
 */
export function SpeedSelect<S extends number>({
  speeds,
  value,
  onChange,
  className,
}: {
  speeds: readonly S[];
  value: S;
  onChange: (speed: S) => void;
  className: string;
}) {
  return (
    <label className={`speed ${className}`}>
      <span>Speed</span>
      <select value={value} onChange={(e) => onChange(Number(e.target.value) as S)}>
        {speeds.map((s) => (
          <option key={s} value={s}>
            {s}×
          </option>
        ))}
      </select>
    </label>
  );
}
