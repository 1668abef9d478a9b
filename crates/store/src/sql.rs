//! The one builder for SQL whose shape depends on the input (IN lists, optional filters, multi-row VALUES lists):
//! each value is bound where its numbered parameter is written, so the text and the values cannot drift apart.
//!
//! Both engines take `$1, $2, …` through sqlx's `Any` driver. sqlx's own `QueryBuilder<Any>` writes `?`, which
//! PostgreSQL refuses, so it cannot serve here. Statements of fixed shape keep `sqlx::query(…).bind(…)`.

use sqlx::any::{AnyArguments, AnyRow};
use sqlx::error::BoxDynError;
use sqlx::{Any, Arguments, Encode, FromRow, Type};

use crate::{Conn, StoreError};

/// A statement being built: its text, its values and the number of the next parameter.
pub(crate) struct Sql<'q> {
    text: String,
    args: AnyArguments<'q>,
    next: usize,
    error: Option<BoxDynError>,
}

impl<'q> Sql<'q> {
    /// A statement starting with `text`, which holds no parameter yet: the first [`Sql::bind`] writes `$1`.
    pub(crate) fn new(text: &str) -> Sql<'q> {
        Sql { text: text.to_owned(), args: AnyArguments::default(), next: 1, error: None }
    }

    /// Appends text, which names no parameter (see [`Sql::reuse`]).
    pub(crate) fn push(&mut self, text: &str) -> &mut Self {
        self.text.push_str(text);
        self
    }

    /// Appends the next parameter, `$n`, and binds `value` to it.
    pub(crate) fn bind<T>(&mut self, value: T) -> &mut Self
    where
        T: 'q + Encode<'q, Any> + Type<Any>,
    {
        let param = self.param(value);
        self.reuse(param)
    }

    /// Binds `value` to the next parameter without writing it: the text names it with [`Sql::reuse`] or
    /// [`Tuple::reuse`], once or many times (the tenant every row of a VALUES list shares).
    pub(crate) fn param<T>(&mut self, value: T) -> Param
    where
        T: 'q + Encode<'q, Any> + Type<Any>,
    {
        let param = Param(self.next);
        self.next += 1;
        if let Err(err) = self.args.add(value) {
            self.error.get_or_insert(err);
        }
        param
    }

    /// Appends a parameter bound before.
    pub(crate) fn reuse(&mut self, param: Param) -> &mut Self {
        self.text.push('$');
        self.text.push_str(&param.0.to_string());
        self
    }

    /// Appends `$n, $n+1, …`, one parameter per value: the inside of an `IN (…)`. Callers skip the clause (or the
    /// statement) when there are no values, since `IN ()` is not SQL.
    pub(crate) fn bind_list<I>(&mut self, values: I) -> &mut Self
    where
        I: IntoIterator,
        I::Item: 'q + Encode<'q, Any> + Type<Any>,
    {
        for (n, value) in values.into_iter().enumerate() {
            if n > 0 {
                self.text.push_str(", ");
            }
            self.bind(value);
        }
        self
    }

    /// Appends `(…), (…)`, one parenthesised row per item, written by `row`: the VALUES list of a multi-row insert.
    pub(crate) fn values<I>(&mut self, items: I, mut row: impl FnMut(&mut Tuple<'_, 'q>, I::Item)) -> &mut Self
    where
        I: IntoIterator,
    {
        for (n, item) in items.into_iter().enumerate() {
            self.text.push_str(if n == 0 { "(" } else { ", (" });
            row(&mut Tuple { sql: self, empty: true }, item);
            self.text.push(')');
        }
        self
    }

    /// The statement's text, for tests and logs.
    #[cfg(test)]
    pub(crate) fn text(&self) -> &str {
        &self.text
    }

    fn into_parts(self) -> Result<(String, AnyArguments<'q>), StoreError> {
        match self.error {
            Some(err) => Err(sqlx::Error::Encode(err).into()),
            None => Ok((self.text, self.args)),
        }
    }

    /// Runs the statement; the number of rows it changed.
    pub(crate) async fn execute(self, conn: &mut Conn) -> Result<u64, StoreError> {
        let (text, args) = self.into_parts()?;
        Ok(sqlx::query_with(&text, args).execute(conn).await?.rows_affected())
    }

    /// Every row, decoded as `T`.
    pub(crate) async fn fetch_all<T>(self, conn: &mut Conn) -> Result<Vec<T>, StoreError>
    where
        T: for<'r> FromRow<'r, AnyRow> + Send + Unpin,
    {
        let (text, args) = self.into_parts()?;
        Ok(sqlx::query_as_with(&text, args).fetch_all(conn).await?)
    }

    /// The one value of a one-row, one-column query (a count).
    pub(crate) async fn fetch_scalar<T>(self, conn: &mut Conn) -> Result<T, StoreError>
    where
        T: Send + Unpin,
        (T,): for<'r> FromRow<'r, AnyRow>,
    {
        let (text, args) = self.into_parts()?;
        Ok(sqlx::query_scalar_with(&text, args).fetch_one(conn).await?)
    }

    /// Every row undecoded, for statements whose columns are built too (read them with `sqlx::Row::try_get`).
    pub(crate) async fn fetch_rows(self, conn: &mut Conn) -> Result<Vec<AnyRow>, StoreError> {
        let (text, args) = self.into_parts()?;
        Ok(sqlx::query_with(&text, args).fetch_all(conn).await?)
    }
}

/// A floating-point value that may be missing, as the text to bind where the statement writes
/// `CAST($n AS DOUBLE PRECISION)`. sqlx 0.8's `Any` driver binds a missing `f64` as a PostgreSQL `float4`, so a
/// statement first prepared with a missing value refuses every later present one on that connection ("incorrect
/// binary data format"); text has one type either way and casts exactly (Rust writes the shortest exact form).
pub(crate) fn real(value: Option<f64>) -> Option<String> {
    value.map(|it| it.to_string())
}

/// A parameter already bound, to be written where the text needs it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Param(usize);

/// One row of a VALUES list: what it writes is separated by commas.
pub(crate) struct Tuple<'s, 'q> {
    sql: &'s mut Sql<'q>,
    empty: bool,
}

impl<'q> Tuple<'_, 'q> {
    fn separate(&mut self) {
        if !std::mem::take(&mut self.empty) {
            self.sql.text.push_str(", ");
        }
    }

    /// The next value of the row, as a new parameter.
    pub(crate) fn bind<T>(&mut self, value: T) -> &mut Self
    where
        T: 'q + Encode<'q, Any> + Type<Any>,
    {
        self.separate();
        self.sql.bind(value);
        self
    }

    /// The next value of the row, a number that may be missing, bound as [`real`] writes it.
    pub(crate) fn bind_real(&mut self, value: Option<f64>) -> &mut Self {
        self.separate();
        self.sql.text.push_str("CAST(");
        self.sql.bind(real(value));
        self.sql.text.push_str(" AS DOUBLE PRECISION)");
        self
    }

    /// The next value of the row: a parameter bound before, such as the tenant every row shares.
    pub(crate) fn reuse(&mut self, param: Param) -> &mut Self {
        self.separate();
        self.sql.reuse(param);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::Sql;

    #[test]
    fn parameters_are_numbered_in_the_order_they_are_written() {
        let mut sql = Sql::new("SELECT id FROM survey WHERE tenant_id = ");
        sql.bind("t").push(" AND period IN (").bind_list(["2026-T1", "2026-T2"]).push(") AND held > ").bind(3i64);
        assert_eq!(sql.text(), "SELECT id FROM survey WHERE tenant_id = $1 AND period IN ($2, $3) AND held > $4");
    }

    #[test]
    fn a_values_list_numbers_across_rows_and_keeps_shared_expressions() {
        let mut sql = Sql::new("INSERT INTO attendance_day (tenant_id, nip, day) VALUES ");
        let tenant = sql.param("t");
        sql.values([("1", "2026-01-02"), ("2", "2026-01-03")], |row, (nip, day)| {
            row.reuse(tenant).bind(nip).bind(day);
        });
        sql.push(" ON CONFLICT DO NOTHING");
        assert_eq!(
            sql.text(),
            "INSERT INTO attendance_day (tenant_id, nip, day) VALUES ($1, $2, $3), ($1, $4, $5) ON CONFLICT DO NOTHING"
        );
    }
}
