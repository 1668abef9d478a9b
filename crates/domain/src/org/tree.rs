//! The unit tree of one tenant: parent links, subtrees, and the checks that keep it a tree.

use std::collections::{BTreeMap, HashMap};

use crate::ids::UnitId;

/// One unit as the tree sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitNode {
    /// The unit.
    pub id: UnitId,
    /// Its parent, `None` for a top-level unit.
    pub parent: Option<UnitId>,
    /// Sort key among siblings (the official name).
    pub sort_key: String,
}

/// Why a change would break the tree.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum TreeError {
    /// The parent does not exist.
    #[error("parent unit {0} does not exist")]
    UnknownParent(UnitId),
    /// The unit would become its own ancestor.
    #[error("unit {0} cannot be placed under itself or one of its sub-units")]
    Cycle(UnitId),
}

/// The units of a tenant as a forest.
#[derive(Clone, Debug, Default)]
pub struct UnitTree {
    parents: HashMap<UnitId, Option<UnitId>>,
    children: HashMap<Option<UnitId>, Vec<UnitId>>,
}

impl UnitTree {
    /// The tree of a Pemda's units, siblings in the order of their names.
    pub fn of_units(units: &[super::Unit]) -> UnitTree {
        UnitTree::new(
            units
                .iter()
                .map(|it| UnitNode {
                    id: it.id.clone(),
                    parent: it.parent_id.clone(),
                    sort_key: it.draft.name.to_lowercase(),
                })
                .collect(),
        )
    }

    /// Builds the tree; links to unknown parents are treated as top level, and siblings are ordered by sort key.
    pub fn new(nodes: Vec<UnitNode>) -> UnitTree {
        let known: std::collections::HashSet<UnitId> = nodes.iter().map(|it| it.id.clone()).collect();
        let mut parents = HashMap::new();
        let mut grouped: HashMap<Option<UnitId>, BTreeMap<(String, UnitId), ()>> = HashMap::new();
        for node in nodes {
            let parent = node.parent.filter(|it| known.contains(it) && *it != node.id);
            grouped.entry(parent.clone()).or_default().insert((node.sort_key, node.id.clone()), ());
            parents.insert(node.id, parent);
        }
        let children =
            grouped.into_iter().map(|(parent, kids)| (parent, kids.into_keys().map(|(_, id)| id).collect())).collect();
        UnitTree { parents, children }
    }

    /// Whether the unit exists.
    pub fn contains(&self, unit: &UnitId) -> bool {
        self.parents.contains_key(unit)
    }

    /// The unit's parent.
    pub fn parent(&self, unit: &UnitId) -> Option<&UnitId> {
        self.parents.get(unit).and_then(Option::as_ref)
    }

    /// The unit and its ancestors, from the unit up to the top.
    pub fn lineage(&self, unit: &UnitId) -> Vec<UnitId> {
        let mut out = Vec::new();
        let mut cursor = Some(unit.clone());
        while let Some(current) = cursor {
            if out.contains(&current) || !self.contains(&current) {
                break;
            }
            cursor = self.parent(&current).cloned();
            out.push(current);
        }
        out
    }

    /// Whether `unit` is `ancestor` or lies beneath it.
    pub fn is_within(&self, unit: &UnitId, ancestor: &UnitId) -> bool {
        self.lineage(unit).iter().any(|it| it == ancestor)
    }

    /// The unit and every unit beneath it, depth first.
    pub fn subtree(&self, unit: &UnitId) -> Vec<UnitId> {
        let mut out = Vec::new();
        if self.contains(unit) {
            self.walk(Some(unit.clone()), 0, &mut |id, _| out.push(id.clone()), true);
        }
        out
    }

    /// Every unit with its depth, depth first in sibling order: the order of an indented list.
    pub fn ordered(&self) -> Vec<(UnitId, usize)> {
        let mut out = Vec::new();
        self.walk(None, 0, &mut |id, depth| out.push((id.clone(), depth)), false);
        out
    }

    fn walk(&self, from: Option<UnitId>, depth: usize, visit: &mut dyn FnMut(&UnitId, usize), include_self: bool) {
        let mut depth = depth;
        if include_self {
            if let Some(id) = &from {
                visit(id, depth);
            }
            depth += 1;
        }
        if let Some(kids) = self.children.get(&from) {
            for kid in kids {
                self.walk(Some(kid.clone()), depth, visit, true);
            }
        }
    }

    /// Checks that `unit` may be placed under `new_parent`.
    pub fn check_move(&self, unit: &UnitId, new_parent: Option<&UnitId>) -> Result<(), TreeError> {
        let Some(parent) = new_parent else { return Ok(()) };
        if !self.contains(parent) {
            return Err(TreeError::UnknownParent(parent.clone()));
        }
        if self.is_within(parent, unit) {
            return Err(TreeError::Cycle(unit.clone()));
        }
        Ok(())
    }
}
