//! The scheduler: one event queue for the whole world. `advance` jumps from event to event
//! (never ticks), so polling a 4,000-move batch with Start-Sleep costs one step per state
//! change. Workloads add their own event kinds; today they are the cross-tenant move steps.
//!
//! Move lifecycle (RULE 24): NotStarted → Scheduled → (preferred begin date reached, a slot
//! free) ReadytoTrigger → InProgress [Validation → Backup → Restore → Cleanup] → Success;
//! faults end a phase in Failed or Rescheduled (requeued for another pass).

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use serde::{Deserialize, Serialize};

use crate::sim::clock::{TICKS_PER_MINUTE, TICKS_PER_SECOND};
use crate::sim::ids;
use crate::sim::spo::{FaultOutcome, LockState, MoveKind, MoveState, Phase, Site, TEMPLATE_PERSONAL, TEMPLATE_REDIRECT, Transition};
use crate::sim::tenant::url_key;
use crate::sim::world::World;

/// Time from Start to Scheduled (the request is accepted into the queue).
pub const ACCEPT_DELAY: i64 = TICKS_PER_MINUTE;
/// Time a move stays Scheduled before the queue picks it up (when a slot is free).
pub const QUEUE_PICKUP_DELAY: i64 = 2 * TICKS_PER_MINUTE;
/// Pre-flight time in ReadytoTrigger.
pub const TRIGGER_DELAY: i64 = 2 * TICKS_PER_MINUTE;
/// Time before a Rescheduled move is queued again.
pub const REQUEUE_DELAY: i64 = 30 * TICKS_PER_MINUTE;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Step {
    /// NotStarted → Scheduled.
    Accept,
    /// The preferred begin date is reached: wait for a slot.
    Eligible,
    /// ReadytoTrigger → InProgress (Validation).
    Trigger,
    /// The phase of the move is over.
    PhaseDone,
    /// Rescheduled → Scheduled again.
    Requeue,
    /// A mailbox migration step of tenant N (`sim::exchange_migration`); `target` is the
    /// migration user (or batch) index.
    Mailbox(u16, crate::sim::exchange_migration::MbxStep),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Event {
    pub at: i64,
    pub seq: u64,
    pub target: u32,
    pub generation: u32,
    pub step: Step,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct EventQueue {
    heap: BinaryHeap<Reverse<Event>>,
    next_seq: u64,
}

impl EventQueue {
    pub fn push(&mut self, at: i64, target: u32, generation: u32, step: Step) {
        let seq = self.next_seq;
        self.next_seq += 1;
        self.heap.push(Reverse(Event { at, seq, target, generation, step }));
    }
    fn pop_due(&mut self, until: i64) -> Option<Event> {
        match self.heap.peek() {
            Some(Reverse(e)) if e.at <= until => self.heap.pop().map(|r| r.0),
            _ => None,
        }
    }
    pub fn len(&self) -> usize {
        self.heap.len()
    }
    pub fn is_empty(&self) -> bool {
        self.heap.is_empty()
    }
    /// When the next event is due.
    pub fn next_at(&self) -> Option<i64> {
        self.heap.peek().map(|r| r.0.at)
    }
}

impl World {
    /// Advance the virtual clock (Start-Sleep) and run everything due until then.
    pub fn advance(&mut self, ticks: i64) {
        if ticks > 0 {
            let until = self.now_ticks.saturating_add(ticks);
            self.run_until(until);
        }
    }

    /// Run every event due at or before `until`, then set the clock to `until`.
    pub fn run_until(&mut self, until: i64) {
        while let Some(ev) = self.events.pop_due(until) {
            if ev.at > self.now_ticks {
                self.now_ticks = ev.at;
            }
            self.handle(ev);
        }
        if until > self.now_ticks {
            self.now_ticks = until;
        }
    }

    fn handle(&mut self, ev: Event) {
        if let Step::Mailbox(tenant, step) = ev.step {
            self.handle_mailbox(tenant as usize, ev.target as usize, ev.generation, step);
            return;
        }
        let i = ev.target as usize;
        let Some(m) = self.moves.get(i) else { return };
        if m.generation != ev.generation {
            return; // stale: the move changed state since this was scheduled
        }
        match (ev.step, m.state) {
            (Step::Accept, MoveState::NotStarted) | (Step::Requeue, MoveState::Rescheduled) => self.enqueue(i),
            (Step::Eligible, MoveState::Scheduled) => self.make_waiting(i),
            (Step::Trigger, MoveState::ReadytoTrigger) => self.begin_phase(i, Phase::Validation),
            (Step::PhaseDone, MoveState::InProgress) => self.phase_done(i),
            _ => {}
        }
    }

    fn push_event(&mut self, at: i64, i: usize, step: Step) {
        let g = self.moves[i].generation;
        self.events.push(at, i as u32, g, step);
    }

    fn set_state(&mut self, i: usize, state: MoveState, phase: Option<Phase>) {
        let now = self.now_ticks;
        let m = &mut self.moves[i];
        m.state = state;
        m.phase = phase;
        m.modified = now;
        m.generation = m.generation.wrapping_add(1);
        m.history.push(Transition { at: now, state, phase });
    }

    pub(crate) fn schedule_after_start(&mut self, i: usize) {
        let at = self.now_ticks + ACCEPT_DELAY;
        self.push_event(at, i, Step::Accept);
    }

    /// → Scheduled; wait for the preferred begin date (RULE 23), then for a slot.
    fn enqueue(&mut self, i: usize) {
        self.set_state(i, MoveState::Scheduled, None);
        let pickup = self.now_ticks + QUEUE_PICKUP_DELAY;
        let at = self.moves[i].begin.map_or(pickup, |b| b.max(pickup));
        self.push_event(at, i, Step::Eligible);
    }

    fn make_waiting(&mut self, i: usize) {
        let src = self.moves[i].source;
        self.tenants[src].spo.waiting.push_back(i as u32);
        self.fill_slots(src);
    }

    /// Concurrency limit per source tenant: start waiting moves while slots are free.
    fn fill_slots(&mut self, src: usize) {
        loop {
            let t = &self.tenants[src];
            if t.spo.running >= t.settings.concurrency.max(1) {
                return;
            }
            let Some(next) = self.tenants[src].spo.waiting.pop_front() else { return };
            let i = next as usize;
            if self.moves[i].state != MoveState::Scheduled {
                continue; // stopped while waiting
            }
            self.tenants[src].spo.running += 1;
            self.set_state(i, MoveState::ReadytoTrigger, None);
            let at = self.now_ticks + TRIGGER_DELAY;
            self.push_event(at, i, Step::Trigger);
        }
    }

    /// Duration of a phase: fixed overheads plus content size over the throughput, with a
    /// ±10 % variation drawn from the seed (deterministic per move, phase and attempt).
    fn phase_duration(&self, i: usize, phase: Phase) -> i64 {
        let m = &self.moves[i];
        let s = &self.tenants[m.source].settings;
        let mb = m.bytes as f64 / (1024.0 * 1024.0);
        let copy = mb / s.throughput_mbps.max(0.001);
        let base_secs = match phase {
            Phase::Validation => 180.0 + m.items as f64 * 0.0005,
            Phase::Backup => 120.0 + copy,
            Phase::Restore => 120.0 + copy * 1.2,
            Phase::Cleanup => 180.0,
        };
        let jitter = 0.9 + 0.2 * ids::unit(self.seed, &[&m.id, phase.name(), &m.attempts.to_string()]);
        ((base_secs * jitter) * TICKS_PER_SECOND as f64) as i64
    }

    fn begin_phase(&mut self, i: usize, phase: Phase) {
        if phase == Phase::Validation {
            let now = self.now_ticks;
            let m = &mut self.moves[i];
            m.attempts += 1;
            if m.started.is_none() {
                m.started = Some(now);
            }
        }
        self.set_state(i, MoveState::InProgress, Some(phase));
        let at = self.now_ticks + self.phase_duration(i, phase);
        self.push_event(at, i, Step::PhaseDone);
    }

    fn phase_done(&mut self, i: usize) {
        let Some(phase) = self.moves[i].phase else { return };
        if phase == Phase::Validation {
            let m = self.moves[i].clone();
            if let Err(msg) = self.validate_move(&m) {
                self.finish_move(i, MoveState::Failed, Some(msg));
                return;
            }
            // RULE 20: the source is read-only while the move runs.
            let (src, url) = (m.source, m.source_site_url.clone());
            if let Some(site) = self.tenants[src].spo.site_mut(&url) {
                site.move_read_only = true;
            }
        }
        // Declared faults fire at the end of their phase.
        let key = self.moves[i].source_key.to_ascii_lowercase();
        if let Some(f) = self.faults.iter().position(|f| f.phase == phase && f.key.trim().eq_ignore_ascii_case(&key)) {
            let fault = self.faults.remove(f);
            let msg = fault.message.clone().unwrap_or_else(|| match fault.outcome {
                FaultOutcome::Failed => format!("The move failed during {}.", phase.name()),
                FaultOutcome::Rescheduled => format!("The move was interrupted during {} and has been requeued for another pass.", phase.name()),
            });
            match fault.outcome {
                FaultOutcome::Failed => self.finish_move(i, MoveState::Failed, Some(msg)),
                FaultOutcome::Rescheduled => self.reschedule(i, msg),
            }
            return;
        }
        match phase.next() {
            Some(next) => self.begin_phase(i, next),
            None => self.complete(i),
        }
    }

    fn release_slot(&mut self, i: usize) {
        let src = self.moves[i].source;
        let spo = &mut self.tenants[src].spo;
        spo.running = spo.running.saturating_sub(1);
        let url = self.moves[i].source_site_url.clone();
        if let Some(site) = self.tenants[src].spo.site_mut(&url) {
            site.move_read_only = false;
        }
    }

    fn reschedule(&mut self, i: usize, msg: String) {
        self.release_slot(i);
        self.moves[i].error = Some(msg);
        self.set_state(i, MoveState::Rescheduled, None);
        let at = self.now_ticks + REQUEUE_DELAY;
        self.push_event(at, i, Step::Requeue);
        let src = self.moves[i].source;
        self.fill_slots(src);
    }

    /// End a move in Failed or Stopped.
    pub(crate) fn finish_move(&mut self, i: usize, state: MoveState, error: Option<String>) {
        let holds_slot = matches!(self.moves[i].state, MoveState::ReadytoTrigger | MoveState::InProgress);
        if holds_slot {
            self.release_slot(i);
        }
        let was_active = self.moves[i].state.is_active();
        let now = self.now_ticks;
        self.moves[i].error = error;
        self.moves[i].finished = Some(now);
        self.set_state(i, state, None);
        let src = self.moves[i].source;
        if was_active {
            let spo = &mut self.tenants[src].spo;
            spo.active_moves = spo.active_moves.saturating_sub(1);
        }
        if holds_slot {
            self.fill_slots(src);
        }
    }

    /// Success: the content is in the target; RULE 28: a redirect site replaces the source.
    fn complete(&mut self, i: usize) {
        let m = self.moves[i].clone();
        let now = self.now_ticks;
        let src_site = self.tenants[m.source].spo.sites.remove(&url_key(&m.source_site_url));
        if let Some(old) = src_site {
            let target_url = match m.kind {
                MoveKind::User => m.target_site_url.clone(),
                _ => m.target_site_url.trim_end_matches('/').to_string(),
            };
            let owner = match m.kind {
                MoveKind::User => Some(m.target_key.clone()),
                _ => old.owner.clone(),
            };
            let title = match m.kind {
                MoveKind::User => self.tenants[m.target].directory.user(&m.target_key).map(|u| u.display_name.clone()).unwrap_or_else(|| old.title.clone()),
                _ => old.title.clone(),
            };
            let group_id = match m.kind {
                MoveKind::Group => self.tenants[m.target].directory.group_by_alias(&m.target_key).map(|g| g.object_id.clone()),
                _ => None,
            };
            let quota = match m.kind {
                MoveKind::User => self.tenants[m.target].spo.onedrive_storage_quota.max(old.quota_mb),
                _ => old.quota_mb,
            };
            let template = if m.kind == MoveKind::User { crate::sim::directory::Text::Borrowed(TEMPLATE_PERSONAL) } else { old.template.clone() };
            // RULE 19: holds are not carried over; they must be reapplied in the target.
            let new_site = Site {
                url: target_url.clone(),
                template,
                owner,
                title,
                bytes: old.bytes,
                items: old.items,
                longest_path: old.longest_path,
                hold: false,
                lock: LockState::Unlock,
                move_read_only: false,
                quota_mb: quota,
                created: now,
                modified: now,
                redirect_to: None,
                group_id: group_id.clone(),
            };
            self.tenants[m.target].spo.insert_site(new_site);
            if let (MoveKind::Group, Some(gid)) = (m.kind, group_id) {
                let dir = &mut self.tenants[m.target].directory;
                if let Some(g) = dir.groups.iter_mut().find(|g| g.object_id == gid) {
                    g.site_url = Some(target_url.clone());
                }
            }
            // RULE 28/29: the redirect stays until an admin removes it (Remove-SPOSite).
            let redirect = Site {
                url: old.url.clone(),
                template: crate::sim::directory::Text::Borrowed(TEMPLATE_REDIRECT),
                owner: None,
                title: String::new(),
                bytes: 0,
                items: 0,
                longest_path: 0,
                hold: false,
                lock: LockState::Unlock,
                move_read_only: false,
                quota_mb: 0,
                created: now,
                modified: now,
                redirect_to: Some(target_url),
                group_id: None,
            };
            self.tenants[m.source].spo.insert_site(redirect);
        }
        self.release_slot_only(i);
        self.moves[i].finished = Some(now);
        self.moves[i].error = None;
        self.set_state(i, MoveState::Success, None);
        let spo = &mut self.tenants[m.source].spo;
        spo.active_moves = spo.active_moves.saturating_sub(1);
        self.fill_slots(m.source);
    }

    fn release_slot_only(&mut self, i: usize) {
        let src = self.moves[i].source;
        let spo = &mut self.tenants[src].spo;
        spo.running = spo.running.saturating_sub(1);
    }
}
