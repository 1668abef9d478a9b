//! Tests of unit kinds, aliases, the unit tree and the shipped region list.

use crate::ids::UnitId;

use super::*;

fn node(id: &str, parent: Option<&str>) -> UnitNode {
    UnitNode { id: UnitId::new(id), parent: parent.map(UnitId::new), sort_key: id.to_owned() }
}

fn sample_tree() -> UnitTree {
    UnitTree::new(vec![
        node("setda", None),
        node("bapenda", None),
        node("samsat", Some("bapenda")),
        node("samsat-loket", Some("samsat")),
        node("bagian-umum", Some("setda")),
    ])
}

#[test]
fn subtree_and_lineage_follow_parent_links() {
    let tree = sample_tree();
    let ids = |list: Vec<UnitId>| list.into_iter().map(|it| it.as_str().to_owned()).collect::<Vec<_>>();
    assert_eq!(ids(tree.subtree(&UnitId::new("bapenda"))), ["bapenda", "samsat", "samsat-loket"]);
    assert_eq!(ids(tree.lineage(&UnitId::new("samsat-loket"))), ["samsat-loket", "samsat", "bapenda"]);
    assert!(tree.is_within(&UnitId::new("samsat-loket"), &UnitId::new("bapenda")));
    assert!(!tree.is_within(&UnitId::new("bagian-umum"), &UnitId::new("bapenda")));
    let depths: Vec<usize> = tree.ordered().into_iter().map(|(_, depth)| depth).collect();
    assert_eq!(depths, [0, 1, 2, 0, 1]);
}

#[test]
fn moves_that_would_make_a_cycle_are_refused() {
    let tree = sample_tree();
    let bapenda = UnitId::new("bapenda");
    assert_eq!(tree.check_move(&bapenda, Some(&UnitId::new("samsat-loket"))), Err(TreeError::Cycle(bapenda.clone())));
    assert_eq!(tree.check_move(&bapenda, Some(&bapenda)), Err(TreeError::Cycle(bapenda.clone())));
    assert!(matches!(tree.check_move(&bapenda, Some(&UnitId::new("nope"))), Err(TreeError::UnknownParent(_))));
    assert_eq!(tree.check_move(&bapenda, Some(&UnitId::new("setda"))), Ok(()));
    assert_eq!(tree.check_move(&bapenda, None), Ok(()));
}

#[test]
fn alias_keys_ignore_case_and_punctuation() {
    assert_eq!(alias_key("DPM-PTSP"), "dpmptsp");
    assert_eq!(alias_key("DPM PTSP"), alias_key("dpmptsp"));
    assert_eq!(alias_key("Dinas P.M.P.T.S.P."), "dinaspmptsp");
}

#[test]
fn kecamatan_only_in_kabupaten_and_kota() {
    assert!(!UnitKind::Kecamatan.allowed_in(TenantLevel::Provinsi));
    assert!(UnitKind::Kecamatan.allowed_in(TenantLevel::Kota));
    assert!(UnitKind::Upt.allowed_in(TenantLevel::Provinsi));
    for kind in UnitKind::ALL {
        assert_eq!(UnitKind::parse(kind.code()), Some(kind));
    }
}

#[test]
fn region_codes_follow_permendagri_shape() {
    assert_eq!(level_of_code("36"), Some(RegionLevel::Provinsi));
    assert_eq!(level_of_code("3604"), Some(RegionLevel::Kabupaten));
    assert_eq!(level_of_code("3674"), Some(RegionLevel::Kota));
    assert_eq!(level_of_code("3670"), None);
    assert_eq!(level_of_code("36x4"), None);
}

#[test]
fn shipped_regions_are_complete_and_consistent() {
    let all = regions();
    let provinces = all.iter().filter(|it| it.level == RegionLevel::Provinsi).count();
    let kota = all.iter().filter(|it| it.level == RegionLevel::Kota).count();
    let kabupaten = all.iter().filter(|it| it.level == RegionLevel::Kabupaten).count();
    assert_eq!(provinces, 38);
    assert!(kota >= 98 && kabupaten >= 415, "{kota} kota, {kabupaten} kabupaten");
    for region in all.iter().filter(|it| it.level != RegionLevel::Provinsi) {
        let parent = region.parent_code.as_deref().and_then(find_region).expect("parent exists");
        assert_eq!(parent.zone, region.zone, "{} shares its province's zone", region.name);
    }
    let tangsel = find_region("36.74").unwrap();
    assert_eq!(tangsel.name, "Kota Tangerang Selatan");
    assert_eq!(tangsel.dotted_code(), "36.74");
    assert_eq!(find_region("51").unwrap().zone, crate::calendar::Zone::Wita);
}

#[test]
fn tenant_ids_are_short_slugs() {
    for good in ["kota-bontang", "kab-serang", "jatim", "a1-b2"] {
        assert!(check_tenant_id(good).is_ok(), "{good}");
    }
    for bad in ["", "ab", "Kota-Bontang", "kota bontang", "-kota", "kota-", "kota_bontang", &"x".repeat(41)] {
        assert!(check_tenant_id(bad).is_err(), "{bad:?}");
    }
}

#[test]
fn tenant_host_names_are_checked_and_lower_cased() {
    let raw = |host: &str| RawTenant {
        name: "Pemerintah Kota Contoh".to_owned(),
        level: "kota".to_owned(),
        region_code: "36.74".to_owned(),
        zone: "WIB".to_owned(),
        host: host.to_owned(),
    };
    assert_eq!(raw("").parse().unwrap().host, None);
    assert_eq!(
        raw(" Pantau.TangerangSelatanKota.go.id. ").parse().unwrap().host.as_deref(),
        Some("pantau.tangerangselatankota.go.id")
    );
    for bad in [
        "https://pantau.go.id",
        "pantau.go.id:8080",
        "pantau..go.id",
        "-pantau.go.id",
        "pan tau.go.id",
        "pantau.go.id/x",
    ] {
        let problems = raw(bad).parse().unwrap_err();
        assert_eq!(problems[0].field, "host", "{bad}");
    }
}
