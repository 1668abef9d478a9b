//! Where the cards and the watch list read their inputs: straight from the tables (`direct`, what tests compare
//! against), or through the process's figures cache (`cached`, what the pages, the API and the minute job use).

use std::collections::BTreeMap;

use domain::ids::{TenantId, UnitId};
use domain::scorecards::facts::{Measure, Stream};
use domain::scorecards::figures::Sums;
use domain::scorecards::indicators::Standing;
use domain::scorecards::period::ScorePeriod;
use jiff::civil::Date;

use super::cache::{FiguresCache, Key, OfUnit};
use super::cards::{self, SkmByUnit};
use super::indicators::{self, Indicator};
use super::stamps::{self, Stamps};
use super::sums::{self, UnitSums};
use crate::{Conn, Db, StoreError};

/// Each unit's indicators with their standing.
pub type Standings = BTreeMap<UnitId, Vec<(Indicator, Standing)>>;

/// Reads the inputs of the figures.
pub struct Reader<'c> {
    conn: &'c mut Conn,
    cached: Option<Cached<'c>>,
}

struct Cached<'c> {
    cache: &'c FiguresCache,
    stamps: Stamps,
    /// Every unit of the tenant: what "all units" means for the cache.
    all: Vec<UnitId>,
}

impl<'c> Reader<'c> {
    /// Reads every input from the tables.
    pub fn direct(conn: &'c mut Conn) -> Reader<'c> {
        Reader { conn, cached: None }
    }

    /// Reads through the figures cache, with the counters as they are now.
    pub async fn cached(conn: &'c mut Conn, db: &'c Db, tenant: &TenantId) -> Result<Reader<'c>, StoreError> {
        let stamps = stamps::load_stamps(conn, tenant).await?;
        let all = db.tenant_data(tenant).await?.units.iter().map(|it| it.id.clone()).collect();
        Ok(Reader { conn, cached: Some(Cached { cache: db.figures(), stamps, all }) })
    }

    /// The connection, for the reads that are never kept.
    pub fn conn(&mut self) -> &mut Conn {
        self.conn
    }

    /// A value computed from every unit's figures (`what` names it), kept while no counter moved; always `None`
    /// for a direct reader.
    pub fn find_whole<T: Clone + Send + Sync + 'static>(&self, tenant: &TenantId, what: &str) -> Option<T> {
        let cached = self.cached.as_ref()?;
        cached.cache.find_whole(&Key::new(tenant, format!("whole {what}")), &cached.stamps)
    }

    /// Keeps a value computed from every unit's figures as they stood when this reader started.
    pub fn keep_whole<T: Send + Sync + 'static>(&self, tenant: &TenantId, what: &str, value: T) {
        if let Some(cached) = &self.cached {
            cached.cache.keep_whole(Key::new(tenant, format!("whole {what}")), &cached.stamps, value);
        }
    }

    /// The sums from `from` to `to` of these units (`None`: all), of these measures (`None`: all).
    pub async fn sums(
        &mut self,
        tenant: &TenantId,
        units: Option<&[UnitId]>,
        (from, to): (Date, Date),
        measures: Option<&[Measure]>,
    ) -> Result<UnitSums, StoreError> {
        let Reader { conn, cached } = self;
        let Some(cached) = cached else { return sums::load_measures(conn, tenant, units, (from, to), measures).await };
        let codes: Option<Vec<String>> = measures.map(|it| it.iter().map(|m| m.code()).collect());
        let key = Key::new(tenant, format!("sums {from} {to} {codes:?}"));
        cached
            .through::<(UnitId, Stream), Sums, _>(key, units, false, async |filter| {
                sums::load_measures(conn, tenant, filter, (from, to), measures).await
            })
            .await
    }

    /// The surveys of a period per unit with their totals, of these units (`None`: all).
    pub async fn skm(
        &mut self,
        tenant: &TenantId,
        period: ScorePeriod,
        units: Option<&[UnitId]>,
    ) -> Result<SkmByUnit, StoreError> {
        let Reader { conn, cached } = self;
        let Some(cached) = cached else { return cards::load_skm(conn, tenant, period, units).await };
        let key = Key::new(tenant, format!("skm {}", period.code()));
        cached.through(key, units, false, async |filter| cards::load_skm(conn, tenant, period, filter).await).await
    }

    /// Every unit's indicator standings for a period as they stood at the end of `as_of`. Indicators change only by
    /// audited actions, which move the tenant's counter, so these are read for every unit at once.
    pub async fn standings(
        &mut self,
        tenant: &TenantId,
        period: ScorePeriod,
        as_of: Date,
    ) -> Result<Standings, StoreError> {
        let Reader { conn, cached } = self;
        let Some(cached) = cached else { return indicators::load_standings(conn, tenant, period, as_of).await };
        let key = Key::new(tenant, format!("standings {} {as_of}", period.code()));
        cached.through(key, None, true, async |_| indicators::load_standings(conn, tenant, period, as_of).await).await
    }
}

impl Cached<'_> {
    /// What is kept of the asked units, with the changed ones read by `read` (given the units to read, or `None`
    /// for all) and kept for the next request.
    async fn through<K, V, F>(
        &self,
        key: Key,
        units: Option<&[UnitId]>,
        whole: bool,
        read: F,
    ) -> Result<BTreeMap<K, V>, StoreError>
    where
        K: OfUnit + Ord + Clone + Send + Sync + 'static,
        V: Clone + Send + Sync + 'static,
        F: AsyncFnOnce(Option<&[UnitId]>) -> Result<BTreeMap<K, V>, StoreError>,
    {
        let asked = units.unwrap_or(&self.all);
        let plan = self.cache.plan::<K, V>(&key, &self.stamps, asked, whole);
        let mut out = plan.kept;
        if plan.stale.is_empty() {
            return Ok(out);
        }
        // Reading every unit at once is one statement instead of a long list of names.
        let everything = whole || (units.is_none() && plan.stale.len() == asked.len());
        let fresh = read((!everything).then_some(plan.stale.as_slice())).await?;
        self.cache.keep(key, &self.stamps, &plan.stale, &fresh);
        let stale: std::collections::BTreeSet<&UnitId> = plan.stale.iter().collect();
        out.extend(fresh.into_iter().filter(|(k, _)| stale.contains(k.unit())));
        Ok(out)
    }
}
