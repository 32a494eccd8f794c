// How the audit page writes a logged value: short, one line, numbers as people read them.

export function describeAuditValue(value: unknown): string {
  if (value === null || value === undefined) return '∅';
  if (typeof value === 'string') return value.length > 80 ? `${value.slice(0, 77)}…` : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object' && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    // A value as the engine holds it: points, a level, a rate or a count.
    if (record.kind === 'points' && 'points' in record) return `${String(record.points)} điểm`;
    if (record.kind === 'choice' && 'label' in record) return String(record.label);
    if (record.kind === 'count' && 'count' in record) return String(record.count);
    if (record.kind === 'rate' && 'numerator' in record && 'denominator' in record)
      return `${String(record.numerator)}/${String(record.denominator)}`;
  }
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
