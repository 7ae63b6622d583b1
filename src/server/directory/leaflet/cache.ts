/**
 * Recently made leaflets, kept as long as a browser may cache them (five minutes): drawing
 * one takes a few hundred milliseconds of the event loop, and a relay printing for a
 * whole bus station asks for the same one many times. Bounded, oldest out first.
 */
export class LeafletCache {
  private readonly entries = new Map<string, { pdf: Buffer; until: number }>();
  constructor(
    private readonly ttlMs = 5 * 60_000,
    private readonly max = 64,
  ) {}

  async get(key: string, make: () => Promise<Buffer>, now = Date.now()): Promise<Buffer> {
    const hit = this.entries.get(key);
    if (hit && hit.until > now) return hit.pdf;
    const pdf = await make();
    this.entries.delete(key);
    this.entries.set(key, { pdf, until: now + this.ttlMs });
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
    return pdf;
  }
}
