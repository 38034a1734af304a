//! A cheap, comparable handle for props that are expensive to compare.

use std::ops::Deref;
use std::rc::Rc;

/// An `Rc` whose equality is identity: two handles are equal when they point
/// at the same value. Props holding large immutable data (the plan, a
/// projection) compare in O(1) and re-render exactly when the data is
/// replaced.
#[derive(Debug)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Rc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> From<Rc<T>> for Shared<T> {
    fn from(rc: Rc<T>) -> Self {
        Shared(rc)
    }
}
