//! The dependency graph of visibility: an edge `a → b` means "whether `a` is shown depends on `b`"
//! (through `a`'s own condition, its section's condition, or its group). One depth-first search finds
//! every cycle and, when there are none, an order in which each field comes after everything it
//! depends on, so evaluation is a single pass. Iterative, so a long chain cannot overflow the stack.

/// What the search found.
pub(crate) struct Analysis {
    /// Each cycle as the nodes on it, in dependency order.
    pub cycles: Vec<Vec<usize>>,
    /// Every node after all nodes it depends on (meaningful when there are no cycles).
    pub order: Vec<usize>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Colour {
    White,
    Grey,
    Black,
}

pub(crate) fn analyse(deps: &[Vec<usize>]) -> Analysis {
    let n = deps.len();
    let mut colour = vec![Colour::White; n];
    let mut order = Vec::with_capacity(n);
    let mut cycles = Vec::new();
    // (node, index of the next edge to follow)
    let mut stack: Vec<(usize, usize)> = Vec::new();
    for start in 0..n {
        if colour[start] != Colour::White {
            continue;
        }
        colour[start] = Colour::Grey;
        stack.push((start, 0));
        while let Some(top) = stack.last_mut() {
            let (node, next) = *top;
            if let Some(&dep) = deps[node].get(next) {
                top.1 += 1;
                match colour.get(dep) {
                    Some(Colour::White) => {
                        colour[dep] = Colour::Grey;
                        stack.push((dep, 0));
                    }
                    Some(Colour::Grey) => {
                        let from = stack.iter().position(|&(s, _)| s == dep).unwrap_or(0);
                        cycles.push(stack[from..].iter().map(|&(s, _)| s).collect());
                    }
                    Some(Colour::Black) | None => {}
                }
            } else {
                colour[node] = Colour::Black;
                order.push(node);
                stack.pop();
            }
        }
    }
    Analysis { cycles, order }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orders_dependencies_first() {
        // 0 depends on 2, 2 on 1.
        let a = analyse(&[vec![2], vec![], vec![1]]);
        assert!(a.cycles.is_empty());
        let pos = |x| a.order.iter().position(|&n| n == x).unwrap();
        assert!(pos(1) < pos(2) && pos(2) < pos(0));
        assert_eq!(a.order.len(), 3);
    }

    #[test]
    fn finds_self_loops_and_longer_cycles() {
        let a = analyse(&[vec![0]]);
        assert_eq!(a.cycles, vec![vec![0]]);
        let a = analyse(&[vec![1], vec![2], vec![0], vec![]]);
        assert_eq!(a.cycles.len(), 1);
        assert_eq!(a.cycles[0].len(), 3);
    }

    #[test]
    fn a_long_chain_does_not_recurse() {
        let n = 100_000;
        let deps: Vec<Vec<usize>> = (0..n)
            .map(|i| if i == 0 { vec![] } else { vec![i - 1] })
            .collect();
        let a = analyse(&deps);
        assert!(a.cycles.is_empty());
        assert_eq!(a.order[0], 0);
    }
}
