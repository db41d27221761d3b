//! A small declarative DOM builder: a screen is described as a tree of
//! [`Node`]s (tag, class, attributes, text, children) and [`build`] makes
//! it, so each web-sys call appears once in the module.
//!
//! Its promises: text is only ever set as text (`set_text_content`), never
//! parsed; there is no way to give an inline style or an event handler
//! attribute (`attr` takes only the names in [`ATTRIBUTES`]); and links
//! (`href`) come only from the engine's checked values.

use std::borrow::Cow;

use web_sys::{Document, Element};

use super::Error;

/// The attributes a node may have. Nothing else can be set: no `style`, no
/// `on*` handler, no `srcdoc`.
pub const ATTRIBUTES: &[&str] = &[
    "aria-controls", "aria-describedby", "aria-expanded", "aria-invalid", "aria-label", "aria-live", "autocomplete",
    "checked", "class", "content", "data-action", "data-discreet", "data-exclusive", "data-form", "data-found", "data-href", "data-question", "dir",
    "for", "hidden", "href", "id", "inputmode", "lang", "maxlength", "name", "novalidate", "popover", "referrerpolicy", "rel", "role", "rows", "selected", "spellcheck", "tabindex",
    "translate", "type", "value", "writingsuggestions",
];

/// An element to build.
pub struct Node<'a> {
    tag: &'static str,
    class: &'static str,
    attrs: Vec<(&'static str, Cow<'a, str>)>,
    text: Option<&'a str>,
    children: Vec<Node<'a>>,
}

// The builder's functions are never inlined: a screen then compiles to a
// short list of calls, and each web-sys call sits once in `build`.

/// An element with a class (or `""` for none).
#[inline(never)]
pub fn el<'a>(tag: &'static str, class: &'static str) -> Node<'a> {
    Node { tag, class, attrs: Vec::new(), text: None, children: Vec::new() }
}

/// An element with a class and text, set as text.
#[inline(never)]
pub fn text<'a>(tag: &'static str, class: &'static str, text: &'a str) -> Node<'a> {
    let mut node = el(tag, class);
    node.text = Some(text);
    node
}

impl<'a> Node<'a> {
    /// An attribute; `name` must be one of [`ATTRIBUTES`].
    #[inline(never)]
    pub fn attr(self, name: &'static str, value: &'a str) -> Self {
        self.set(name, Cow::Borrowed(value))
    }

    /// An attribute with a value made for it.
    #[inline(never)]
    pub fn attr_owned(self, name: &'static str, value: String) -> Self {
        self.set(name, Cow::Owned(value))
    }

    fn set(mut self, name: &'static str, value: Cow<'a, str>) -> Self {
        debug_assert!(ATTRIBUTES.contains(&name), "{name} is not an allowed attribute");
        self.attrs.push((name, value));
        self
    }

    /// A boolean attribute (such as `checked`), only when `on`.
    pub fn flag(self, name: &'static str, on: bool) -> Self {
        if on {
            self.attr(name, "")
        } else {
            self
        }
    }

    #[inline(never)]
    pub fn child(mut self, child: Node<'a>) -> Self {
        self.children.push(child);
        self
    }

    /// A child, if there is one.
    #[inline(never)]
    pub fn maybe(mut self, child: Option<Node<'a>>) -> Self {
        self.children.extend(child);
        self
    }

    /// Its text, set as text.
    pub fn set_text(&mut self, text: &'a str) {
        self.text = Some(text);
    }

    #[inline(never)]
    pub fn push(&mut self, child: Node<'a>) {
        self.children.push(child);
    }
}

/// Makes the element a node describes, with all its children.
pub fn build(doc: &Document, node: &Node<'_>) -> Result<Element, Error> {
    let element = doc.create_element(node.tag).map_err(|_| Error::DOM)?;
    if !node.class.is_empty() {
        element.set_class_name(node.class);
    }
    for (name, value) in &node.attrs {
        element.set_attribute(name, value).map_err(|_| Error::DOM)?;
    }
    if let Some(text) = node.text {
        element.set_text_content(Some(text));
    }
    for child in &node.children {
        element.append_child(&*build(doc, child)?).map_err(|_| Error::DOM)?;
    }
    Ok(element)
}

/// Replaces the children of `parent` with the elements `nodes` describe.
pub fn fill(doc: &Document, parent: &Element, nodes: &[Node<'_>]) -> Result<(), Error> {
    parent.replace_children_with_node_0();
    for node in nodes {
        parent.append_child(&*build(doc, node)?).map_err(|_| Error::DOM)?;
    }
    Ok(())
}
