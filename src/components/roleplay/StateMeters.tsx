import type { ClientState } from '../../engine/state.ts';
import { ALLIANCE_WORDS } from '../../engine/feedback.ts';

interface Props {
  state: ClientState;
  name: string;
}

function Meter({
  label,
  value,
  min,
  max,
  text,
}: {
  label: string;
  value: number;
  min: number;
  max: number;
  text: string;
}) {
  return (
    <div className="meter">
      <span className="meter-label">{label}</span>
      <meter min={min} max={max} value={value} aria-label={label} aria-valuetext={text} />
      <span className="meter-text">{text}</span>
    </div>
  );
}

/** The simulated person's state, as meters with text equivalents (practice mode only). */
export function StateMeters({ state, name }: Props) {
  const talk =
    state.CT === state.ST
      ? 'balanced'
      : state.CT > state.ST
        ? 'leaning towards change'
        : 'leaning towards staying the same';
  return (
    <section className="meters" aria-label={`How ${name} is feeling about this conversation`}>
      <Meter
        label="Bond"
        value={state.bond}
        min={-5}
        max={5}
        text={`${state.bond > 0 ? '+' : ''}${String(state.bond)} of 5`}
      />
      <Meter label="Change talk" value={state.CT} min={0} max={10} text={`${String(state.CT)} of 10`} />
      <Meter label="Sustain talk" value={state.ST} min={0} max={10} text={`${String(state.ST)} of 10 (${talk})`} />
      <Meter label="Openness" value={state.open} min={0} max={5} text={`${String(state.open)} of 5`} />
      <p className="alliance" data-rupture={state.rupture}>
        Alliance: <strong>{ALLIANCE_WORDS[state.rupture]}</strong>
      </p>
    </section>
  );
}
