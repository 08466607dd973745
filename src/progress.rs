//! What a long build or collation is doing, said as it goes: a bar on the terminal, step by
//! step in plain words ("Checking the documents for names, dates and addresses"), shown once
//! the work has taken a second, and gone when it ends. It is drawn only when it was asked for
//! (not with `--quiet`), standard error is a terminal, and the run is not in CI (`CI` set) or
//! on a terminal that cannot redraw (`TERM=dumb`): tests, pipes and logs never see it.
//!
//! The same steps give the stage timings benchmarks read (`LEARNSITE_TIMINGS`, on stderr).

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::time::{Duration, Instant};

/// How long work goes on before the bar is shown.
const SHOW_AFTER: Duration = Duration::from_secs(1);

/// The steps of a piece of work: a bar (when shown) and the stage timings (when asked for).
pub(crate) struct Progress {
    bar: Option<ProgressBar>,
    timings: bool,
    last: Instant,
}

impl Progress {
    /// Steps of work with `steps` steps; `wanted`: the bar may be shown (the user did not ask
    /// for quiet).
    pub(crate) fn new(wanted: bool, steps: u64) -> Progress {
        let bar = (wanted && on_a_terminal()).then(|| bar(steps));
        Progress {
            bar,
            timings: std::env::var_os("LEARNSITE_TIMINGS").is_some(),
            last: Instant::now(),
        }
    }

    /// No bar: the timings alone, if asked for (`serve`'s updates).
    pub(crate) fn quiet() -> Progress {
        Progress::new(false, 0)
    }

    /// The next step begins: `what` says what it does, in plain words.
    pub(crate) fn step(&self, what: &str) {
        if let Some(b) = &self.bar {
            if b.message().is_empty() {
                b.set_message(what.to_string());
            } else {
                b.inc(1);
                b.set_message(what.to_string());
            }
        }
    }

    /// A stage named `what` (for the timings) has ended.
    pub(crate) fn lap(&mut self, what: &str) {
        if self.timings {
            eprintln!("  {:>7.3}s  {what}", self.last.elapsed().as_secs_f64());
        }
        self.last = Instant::now();
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}

/// Run `f`, and with `LEARNSITE_TIMINGS=2` say how long it took (finer timings for profiling).
pub(crate) fn timed<T>(what: &str, f: impl FnOnce() -> T) -> T {
    static FINE: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    if !*FINE.get_or_init(|| std::env::var("LEARNSITE_TIMINGS").is_ok_and(|v| v == "2")) {
        return f();
    }
    let t = Instant::now();
    let v = f();
    eprintln!("      {:>7.3}s  {what}", t.elapsed().as_secs_f64());
    v
}

/// A count as it is written in prose: `11,129`.
pub(crate) fn count(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Can a bar be drawn where standard error goes?
fn on_a_terminal() -> bool {
    std::io::stderr().is_terminal()
        && std::env::var_os("CI").is_none()
        && std::env::var("TERM").map_or(true, |t| t != "dumb")
}

/// A bar of `steps` steps, hidden until the work has taken [`SHOW_AFTER`].
fn bar(steps: u64) -> ProgressBar {
    let b = ProgressBar::with_draw_target(Some(steps), ProgressDrawTarget::hidden());
    b.set_style(
        ProgressStyle::with_template("{spinner} Step {pos} of {len}: {wide_msg} {elapsed}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    b.set_position(1);
    let shown = b.clone();
    std::thread::spawn(move || {
        std::thread::sleep(SHOW_AFTER);
        if !shown.is_finished() {
            shown.set_draw_target(ProgressDrawTarget::stderr());
            shown.enable_steady_tick(Duration::from_millis(120));
        }
    });
    b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_bar_unless_asked_for_and_on_a_terminal() {
        assert_eq!(Progress::new(true, 3).bar.is_some(), on_a_terminal());
        assert!(Progress::new(false, 3).bar.is_none());
        assert!(Progress::quiet().bar.is_none());
    }

    #[test]
    fn counts_are_grouped_in_thousands() {
        assert_eq!(count(0), "0");
        assert_eq!(count(999), "999");
        assert_eq!(count(1000), "1,000");
        assert_eq!(count(20_000), "20,000");
        assert_eq!(count(1_234_567), "1,234,567");
    }

    #[test]
    fn steps_count_up_from_one() {
        let b = bar(3);
        let p = Progress {
            bar: Some(b.clone()),
            timings: false,
            last: Instant::now(),
        };
        p.step("Reading the documents");
        assert_eq!(
            (b.position(), b.message()),
            (1, "Reading the documents".into())
        );
        p.step("Checking the documents");
        assert_eq!(
            (b.position(), b.message()),
            (2, "Checking the documents".into())
        );
        drop(p);
        assert!(b.is_finished(), "the bar goes when the work ends");
    }
}
