//! The outlets the importer knows by their web hosts (`data/outlets.toml`), so that a text
//! imported with `--url` needs no `--outlet`.

use serde::Deserialize;
use std::collections::HashMap;
use std::sync::LazyLock;

const FILE: &str = include_str!("../../data/outlets.toml");

/// One known outlet.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Outlet {
    hosts: Vec<String>,
    name: String,
    #[serde(default)]
    names: HashMap<String, String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Registry {
    outlet: Vec<Outlet>,
}

fn registry() -> &'static Registry {
    static REGISTRY: LazyLock<Registry> = LazyLock::new(|| {
        toml::from_str(FILE).expect("data/outlets.toml parses (the outlets module's tests)")
    });
    &REGISTRY
}

/// The name of the outlet at `host` (lower case, without `www.`), as texts in `lang` write it:
/// the outlet whose host is `host` or a parent domain of it, the most specific first
/// (`senate.parlam.kz` before `parlam.kz`).
pub fn by_host(host: &str, lang: Option<&str>) -> Option<&'static str> {
    let best = registry()
        .outlet
        .iter()
        .flat_map(|o| o.hosts.iter().map(move |h| (h, o)))
        .filter(|(h, _)| {
            host == h.as_str()
                || host
                    .strip_suffix(h.as_str())
                    .is_some_and(|sub| sub.ends_with('.'))
        })
        .max_by_key(|(h, _)| h.len())?;
    let outlet = best.1;
    Some(
        lang.and_then(|l| outlet.names.get(l))
            .unwrap_or(&outlet.name),
    )
}

/// Whether a name key is (the start of) a known outlet's name or host: `Kazinform`,
/// `Tengrinews` in a text are the outlet, not the event's people.
pub(crate) fn is_outlet_name(key: &str) -> bool {
    static KEYS: LazyLock<Vec<String>> = LazyLock::new(|| {
        let mut keys: Vec<String> = registry()
            .outlet
            .iter()
            .flat_map(|o| {
                let hosts = o
                    .hosts
                    .iter()
                    .filter_map(|h| h.split('.').next().map(str::to_string));
                let names = std::iter::once(o.name.clone()).chain(o.names.values().cloned());
                hosts.chain(names.flat_map(|n| {
                    n.split(|c: char| !c.is_alphanumeric())
                        .map(str::to_string)
                        .collect::<Vec<_>>()
                }))
            })
            .map(|w| crate::lexicon::matching::name_key(&w))
            .filter(|k| k.chars().count() >= 4)
            .collect();
        keys.sort();
        keys.dedup();
        keys
    });
    KEYS.iter().any(|k| key.starts_with(k.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn the_file_parses_and_no_host_is_listed_twice() {
        let mut seen = HashSet::new();
        for outlet in &registry().outlet {
            assert!(!outlet.name.trim().is_empty(), "{:?}", outlet.hosts);
            assert!(!outlet.hosts.is_empty(), "{}", outlet.name);
            for host in &outlet.hosts {
                assert!(seen.insert(host.clone()), "{host} is listed twice");
                assert!(
                    !host.starts_with("www.")
                        && host.contains('.')
                        && *host == host.to_lowercase()
                        && !host.contains(['/', ':', ' ']),
                    "{host}: write a bare lower-case host"
                );
            }
            for lang in outlet.names.keys() {
                assert!(
                    ["kk", "tg", "uz", "ru", "en"].contains(&lang.as_str()),
                    "{}: unknown language {lang}",
                    outlet.name
                );
            }
        }
    }

    #[test]
    fn every_outlet_is_found_by_its_hosts() {
        assert_eq!(by_host("kaztag.kz", Some("ru")), Some("KazTAG"));
        assert_eq!(by_host("oz.inform.kz", Some("uz")), Some("Kazinform"));
        assert_eq!(by_host("kaz.inform.kz", Some("kk")), Some("ҚазАқпарат"));
        assert_eq!(by_host("khovar.tj", Some("tg")), Some("АМИТ «Ховар»"));
        assert_eq!(by_host("khovar.tj", Some("ru")), Some("НИАТ «Ховар»"));
        assert_eq!(
            by_host("tj.sputniknews.ru", Some("tg")),
            Some("Sputnik Тоҷикистон")
        );
        assert_eq!(by_host("asiaplustj.info", None), Some("Азия-Плюс"));
        assert_eq!(
            by_host("president.tj", Some("tg")).map(|n| n.starts_with("Хадамоти")),
            Some(true)
        );
        assert_eq!(by_host("akorda.kz", Some("kk")), Some("Ақорда"));
        assert_eq!(by_host("uza.uz", Some("uz")), Some("ЎзА"));
        assert_eq!(by_host("kun.uz", Some("uz")), Some("Kun.uz"));
        // The most specific host wins; a look-alike host is not a subdomain.
        assert_eq!(
            by_host("senate.parlam.kz", Some("kk")),
            Some("ҚР Парламенті Сенаты")
        );
        assert_eq!(by_host("notinform.kz", None), None);
        assert_eq!(by_host("example.org", None), None);
    }
}
