//! The figures behind the scorecards, kept in memory per process: the sums of a run of days, a period's survey
//! totals and indicator standings, each per unit together with the unit's change counter (`stamps`) at the read. A
//! request reads the counters first (one small query), then reads again only the units whose counter moved since
//! (after a write to a complaint, the one unit it belongs to); a move of the tenant's counter, or age, reads
//! everything again. So the desk of a Pemda with 500 units costs a few statements however many units there are,
//! and a write costs the next reader one unit's rows, in this process and in every other one.

use std::any::Any;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use domain::ids::{TenantId, UnitId};
use domain::scorecards::facts::Stream;

use super::stamps::Stamps;

/// The longest a kept read is used: bounds what a change made outside Pantau (a repair by hand in the database,
/// which moves no counter) can leave stale.
pub const MAX_AGE: Duration = Duration::from_secs(600);

/// Kept reads per process; the least recently used goes first. A desk keeps about eight, a unit's page with its
/// trend about twenty (of the unit's subtree only).
const SLOTS: usize = 96;

/// What a kept read is: the tenant and the query's description (table, days, measures, period).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Key {
    tenant: String,
    what: String,
}

impl Key {
    pub(crate) fn new(tenant: &TenantId, what: String) -> Key {
        Key { tenant: tenant.as_str().to_owned(), what }
    }
}

/// A key of a per-unit map: the unit it belongs to.
pub(crate) trait OfUnit {
    fn unit(&self) -> &UnitId;
}

impl OfUnit for UnitId {
    fn unit(&self) -> &UnitId {
        self
    }
}

impl OfUnit for (UnitId, Stream) {
    fn unit(&self) -> &UnitId {
        &self.0
    }
}

struct Slot {
    epoch: i64,
    /// The units the value covers, with their counter when they were read.
    stamps: BTreeMap<UnitId, i64>,
    value: Box<dyn Any + Send + Sync>,
    made: Instant,
    /// The tick of the last use, for dropping the least recently used.
    used: u64,
}

#[derive(Default)]
struct Slots {
    tick: u64,
    map: HashMap<Key, Slot>,
}

impl Slots {
    /// Keeps a slot, dropping the least recently used beyond [`SLOTS`].
    fn insert(&mut self, key: Key, slot: Slot) {
        self.map.insert(key, slot);
        while self.map.len() > SLOTS {
            let oldest = self.map.iter().min_by_key(|(_, slot)| slot.used).map(|(key, _)| key.clone());
            let Some(oldest) = oldest else { break };
            self.map.remove(&oldest);
        }
    }
}

/// The kept reads of one process, shared by every clone of a [`crate::Db`].
#[derive(Default)]
pub struct FiguresCache {
    slots: Mutex<Slots>,
}

impl std::fmt::Debug for FiguresCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("FiguresCache")
    }
}

/// What a request can take from the cache and what it must read.
pub(crate) struct Plan<K, V> {
    /// The kept entries of the asked units that did not change.
    pub kept: BTreeMap<K, V>,
    /// The asked units to read again (all of them when nothing usable is kept).
    pub stale: Vec<UnitId>,
}

impl FiguresCache {
    /// Which of `asked` are kept and unchanged. With `whole`, the value only moves with the tenant's counter (it is
    /// read for every unit at once) and the units' counters are not looked at.
    pub(crate) fn plan<K, V>(&self, key: &Key, stamps: &Stamps, asked: &[UnitId], whole: bool) -> Plan<K, V>
    where
        K: OfUnit + Ord + Clone + Send + Sync + 'static,
        V: Clone + Send + Sync + 'static,
    {
        let mut slots = self.slots.lock().unwrap_or_else(PoisonError::into_inner);
        slots.tick += 1;
        let tick = slots.tick;
        let usable = slots.map.get_mut(key).filter(|slot| slot.epoch == stamps.epoch && slot.made.elapsed() < MAX_AGE);
        let Some(slot) = usable else {
            return Plan { kept: BTreeMap::new(), stale: asked.to_vec() };
        };
        let Some(value) = slot.value.downcast_ref::<BTreeMap<K, V>>() else {
            return Plan { kept: BTreeMap::new(), stale: asked.to_vec() };
        };
        slot.used = tick;
        let fresh = |unit: &UnitId| slot.stamps.get(unit).is_some_and(|it| whole || *it == stamps.of(unit));
        let stale: Vec<UnitId> = asked.iter().filter(|it| !fresh(it)).cloned().collect();
        if whole && !stale.is_empty() {
            return Plan { kept: BTreeMap::new(), stale: asked.to_vec() };
        }
        let wanted: BTreeSet<&UnitId> = asked.iter().filter(|it| fresh(it)).collect();
        let kept =
            value.iter().filter(|(k, _)| wanted.contains(k.unit())).map(|(k, v)| (k.clone(), v.clone())).collect();
        Plan { kept, stale }
    }

    /// Keeps what was read for `units` (entries of other units in `fresh` are left out), replacing what was kept of
    /// them.
    pub(crate) fn keep<K, V>(&self, key: Key, stamps: &Stamps, units: &[UnitId], fresh: &BTreeMap<K, V>)
    where
        K: OfUnit + Ord + Clone + Send + Sync + 'static,
        V: Clone + Send + Sync + 'static,
    {
        let read: BTreeSet<&UnitId> = units.iter().collect();
        let mut slots = self.slots.lock().unwrap_or_else(PoisonError::into_inner);
        slots.tick += 1;
        let tick = slots.tick;
        let reusable = slots
            .map
            .get_mut(&key)
            .filter(|slot| slot.epoch == stamps.epoch && slot.made.elapsed() < MAX_AGE)
            .filter(|slot| slot.value.is::<BTreeMap<K, V>>());
        if let Some(slot) = reusable {
            if let Some(value) = slot.value.downcast_mut::<BTreeMap<K, V>>() {
                value.retain(|k, _| !read.contains(k.unit()));
                value
                    .extend(fresh.iter().filter(|(k, _)| read.contains(k.unit())).map(|(k, v)| (k.clone(), v.clone())));
            }
            slot.stamps.extend(units.iter().map(|it| (it.clone(), stamps.of(it))));
            slot.used = tick;
            return;
        }
        let value: BTreeMap<K, V> =
            fresh.iter().filter(|(k, _)| read.contains(k.unit())).map(|(k, v)| (k.clone(), v.clone())).collect();
        let slot = Slot {
            epoch: stamps.epoch,
            stamps: units.iter().map(|it| (it.clone(), stamps.of(it))).collect(),
            value: Box::new(value),
            made: Instant::now(),
            used: tick,
        };
        slots.insert(key, slot);
    }

    /// A value computed from every unit's figures (the rows of a period with their ranks and watch list), kept
    /// while no counter at all moved since it was computed.
    pub(crate) fn find_whole<T: Clone + Send + Sync + 'static>(&self, key: &Key, stamps: &Stamps) -> Option<T> {
        let mut slots = self.slots.lock().unwrap_or_else(PoisonError::into_inner);
        slots.tick += 1;
        let tick = slots.tick;
        let slot = slots.map.get_mut(key).filter(|slot| {
            slot.epoch == stamps.epoch && slot.made.elapsed() < MAX_AGE && slot.stamps == stamps.units
        })?;
        slot.used = tick;
        slot.value.downcast_ref::<T>().cloned()
    }

    /// Keeps a value computed from every unit's figures as they stood at `stamps`.
    pub(crate) fn keep_whole<T: Send + Sync + 'static>(&self, key: Key, stamps: &Stamps, value: T) {
        let mut slots = self.slots.lock().unwrap_or_else(PoisonError::into_inner);
        slots.tick += 1;
        let slot = Slot {
            epoch: stamps.epoch,
            stamps: stamps.units.clone(),
            value: Box::new(value),
            made: Instant::now(),
            used: slots.tick,
        };
        slots.insert(key, slot);
    }

    /// Reads kept now (for the benchmark's report).
    pub fn len(&self) -> usize {
        self.slots.lock().unwrap_or_else(PoisonError::into_inner).map.len()
    }

    /// Whether nothing is kept.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamps(epoch: i64, units: &[(&str, i64)]) -> Stamps {
        Stamps { epoch, units: units.iter().map(|(unit, n)| (UnitId::new(*unit), *n)).collect() }
    }

    fn ids(units: &[&str]) -> Vec<UnitId> {
        units.iter().map(|it| UnitId::new(*it)).collect()
    }

    fn read(units: &[&str]) -> BTreeMap<UnitId, i64> {
        units.iter().enumerate().map(|(n, it)| (UnitId::new(*it), n as i64 * 10)).collect()
    }

    #[test]
    fn only_units_whose_counter_moved_are_read_again() {
        let cache = FiguresCache::default();
        let key = Key::new(&TenantId::new("t"), "sums".into());
        let all = ids(&["a", "b", "c"]);
        let before = stamps(1, &[("a", 4)]);
        let plan = cache.plan::<UnitId, i64>(&key, &before, &all, false);
        assert_eq!((plan.kept.len(), plan.stale.len()), (0, 3));
        cache.keep(key.clone(), &before, &all, &read(&["a", "b", "c", "gone"]));
        let plan = cache.plan::<UnitId, i64>(&key, &before, &all, false);
        assert_eq!((plan.kept.len(), plan.stale.len()), (3, 0));
        let after = stamps(1, &[("a", 4), ("c", 1)]);
        let plan = cache.plan::<UnitId, i64>(&key, &after, &all, false);
        assert_eq!(plan.stale, ids(&["c"]));
        assert_eq!(plan.kept.keys().cloned().collect::<Vec<_>>(), ids(&["a", "b"]));
        cache.keep(key.clone(), &after, &ids(&["c"]), &BTreeMap::<UnitId, i64>::new());
        let plan = cache.plan::<UnitId, i64>(&key, &after, &all, false);
        assert_eq!((plan.kept.len(), plan.stale.len()), (2, 0), "c now has no entry but is covered");
    }

    #[test]
    fn the_tenants_counter_or_a_unit_not_yet_read_reads_again() {
        let cache = FiguresCache::default();
        let key = Key::new(&TenantId::new("t"), "sums".into());
        let now = stamps(1, &[]);
        cache.keep(key.clone(), &now, &ids(&["a"]), &read(&["a"]));
        let plan = cache.plan::<UnitId, i64>(&key, &now, &ids(&["a", "b"]), false);
        assert_eq!(plan.stale, ids(&["b"]));
        let plan = cache.plan::<UnitId, i64>(&key, &stamps(2, &[]), &ids(&["a"]), false);
        assert_eq!(plan.stale, ids(&["a"]));
        let plan = cache.plan::<UnitId, i64>(&key, &now, &ids(&["a", "b"]), true);
        assert_eq!(plan.stale, ids(&["a", "b"]), "a whole read is read again whole");
        let plan = cache.plan::<UnitId, i64>(&key, &stamps(1, &[("a", 9)]), &ids(&["a"]), true);
        assert!(plan.stale.is_empty(), "a whole read ignores the units' counters");
    }

    #[test]
    fn the_least_recently_used_read_goes_first() {
        let cache = FiguresCache::default();
        let now = stamps(0, &[]);
        for n in 0..=SLOTS {
            cache.keep(Key::new(&TenantId::new("t"), n.to_string()), &now, &ids(&["a"]), &read(&["a"]));
        }
        assert_eq!(cache.len(), SLOTS);
        let first = cache.plan::<UnitId, i64>(&Key::new(&TenantId::new("t"), "0".into()), &now, &ids(&["a"]), false);
        assert_eq!(first.stale.len(), 1);
    }
}
