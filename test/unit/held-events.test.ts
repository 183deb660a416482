import { GatewayEvents, heldEvents } from '../../src/platform/events';

/** Events of a transaction's work wait for its commit (platform/events.ts, heldEvents). */
describe('heldEvents', () => {
  const entries = (entryID: string) => ({ entries: [{ divisionCode: 1, entryID }] });

  it('holds the events emitted during the work until release, then sends them in order', async () => {
    const events = new GatewayEvents();
    const heard: string[] = [];
    events.on('statementsImported', (e) => heard.push(e.entries[0].entryID));
    const { result, release } = await heldEvents(async () => {
      events.emit('statementsImported', entries('a'));
      await new Promise((resolve) => setImmediate(resolve));
      events.emit('statementsImported', entries('b'));
      return 42;
    });
    expect({ result, heard }).toEqual({ result: 42, heard: [] });
    release();
    expect(heard).toEqual(['a', 'b']);
    release(); // sent once only
    expect(heard).toEqual(['a', 'b']);
  });

  it('drops them when the work fails (the transaction rolled back)', async () => {
    const events = new GatewayEvents();
    const heard: string[] = [];
    events.on('statementsImported', (e) => heard.push(e.entries[0].entryID));
    await expect(
      heldEvents(async () => {
        events.emit('statementsImported', entries('lost'));
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    events.emit('statementsImported', entries('after'));
    expect(heard).toEqual(['after']);
  });

  it('sends events at once outside held work', () => {
    const events = new GatewayEvents();
    const heard: string[] = [];
    events.on('statementsImported', (e) => heard.push(e.entries[0].entryID));
    expect(events.emit('statementsImported', entries('now'))).toBe(true);
    expect(heard).toEqual(['now']);
  });
});
