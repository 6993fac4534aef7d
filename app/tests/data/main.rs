//! Data-layer tests, each run against SQLite and against PostgreSQL (the server at
//! 127.0.0.1:5432, or `TEST_POSTGRES_URL`), each on a database of its own made for it.

mod support;

mod inbox;
mod inquiries;
mod listings;
mod migrations;
mod rates;
mod seed;
mod users;
