<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name></name>
    <message>
        <source>Sound could not start ({error}); the workout runs silently.</source>
        <translation>Der Ton konnte nicht starten ({error}); das Training läuft ohne Ton.</translation>
    </message>
    <message>
        <source>Sound is not available.</source>
        <translation>Kein Ton verfügbar.</translation>
    </message>
    <message>
        <source>Testing the voice…</source>
        <translation>Stimme wird getestet …</translation>
    </message>
    <message>
        <source>Muted</source>
        <translation>Stumm</translation>
    </message>
    <message>
        <source>Sound on</source>
        <translation>Ton an</translation>
    </message>
    <message>
        <source>Preparing voice cues… {done} / {total}</source>
        <translation>Ansagen werden vorbereitet … {done} / {total}</translation>
    </message>
    <message>
        <source>Voice cues ready</source>
        <translation>Ansagen bereit</translation>
    </message>
    <message>
        <source>First time: the protocol as written. From your next session on, the coach suggests each block&apos;s load from how this one went.</source>
        <translation>Zum ersten Mal: das Protokoll wie geschrieben. Ab der nächsten Einheit schlägt der Coach die Last jedes Blocks danach vor, wie diese lief.</translation>
    </message>
    <message>
        <source>due today</source>
        <translation>heute fällig</translation>
    </message>
    <message>
        <source>done today · next {day}</source>
        <translation>heute erledigt · nächste {day}</translation>
    </message>
    <message>
        <source>rest day · next {day}</source>
        <translation>Ruhetag · nächste {day}</translation>
    </message>
    <message>
        <source>Coach</source>
        <translation>Coach</translation>
    </message>
    <message>
        <source>Programme and due day</source>
        <translation>Programm und Fälligkeit</translation>
    </message>
    <message>
        <source>Use as written</source>
        <translation>Wie geschrieben</translation>
    </message>
    <message>
        <source>Use the protocol as written</source>
        <translation>Das Protokoll wie geschrieben verwenden</translation>
    </message>
    <message>
        <source>Run the protocol exactly as its file says</source>
        <translation>Das Protokoll genau so ausführen, wie es in der Datei steht</translation>
    </message>
    <message>
        <source>Last time</source>
        <translation>Letztes Mal</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>Vorschlag</translation>
    </message>
    <message>
        <source>The coach cannot read the history: {error}</source>
        <translation>Der Coach kann den Verlauf nicht lesen: {error}</translation>
    </message>
    <message>
        <source>Reading your history…</source>
        <translation>Verlauf wird gelesen …</translation>
    </message>
    <message>
        <source>Last time ({day}): {sets}</source>
        <translation>Letztes Mal ({day}): {sets}</translation>
    </message>
    <message>
        <source>Last time: {sets}</source>
        <translation>Letztes Mal: {sets}</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more block(s)</source>
        <translation>
            <numerusform>… und %n weiterer Block</numerusform>
            <numerusform>… und %n weitere Blöcke</numerusform>
        </translation>
    </message>
    <message>
        <source>(used for this run)</source>
        <translation>(für diesen Durchgang verwendet)</translation>
    </message>
    <message>
        <source>(not used: as written)</source>
        <translation>(nicht verwendet: wie geschrieben)</translation>
    </message>
    <message>
        <source>Use the suggestion</source>
        <translation>Vorschlag verwenden</translation>
    </message>
    <message>
        <source>Run the coach&apos;s suggestion</source>
        <translation>Den Vorschlag des Coachs ausführen</translation>
    </message>
    <message>
        <source>Remind me on training days at</source>
        <translation>An Trainingstagen erinnern um</translation>
    </message>
    <message>
        <source>Remind me on training days</source>
        <translation>An Trainingstagen erinnern</translation>
    </message>
    <message>
        <source>Reminder time</source>
        <translation>Uhrzeit der Erinnerung</translation>
    </message>
    <message>
        <source>Reminders are off.</source>
        <translation>Erinnerungen sind aus.</translation>
    </message>
    <message>
        <source>Removed {name}.</source>
        <translation>{name} entfernt.</translation>
    </message>
    <message>
        <source>a systemd user timer</source>
        <translation>ein systemd-Benutzer-Timer</translation>
    </message>
    <message>
        <source>an autostart entry</source>
        <translation>ein Autostart-Eintrag</translation>
    </message>
    <message>
        <source>Reminders at {time} on training days: {how} ({file}).</source>
        <translation>Erinnerungen um {time} an Trainingstagen: {how} ({file}).</translation>
    </message>
    <message>
        <source>My protocol</source>
        <translation>Mein Protokoll</translation>
    </message>
    <message>
        <source>New protocol</source>
        <translation>Neues Protokoll</translation>
    </message>
    <message>
        <source>{field} problem</source>
        <translation>Problem bei {field}</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>no fixed length</source>
        <translation>keine feste Dauer</translation>
    </message>
    <message>
        <source> weeks</source>
        <translation> Wochen</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Rhythmus</translation>
    </message>
    <message>
        <source>Lead-in</source>
        <translation>Vorlauf</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Programm</translation>
    </message>
    <message>
        <source>Blocks</source>
        <translation>Blöcke</translation>
    </message>
    <message>
        <source>Add block</source>
        <translation>Block hinzufügen</translation>
    </message>
    <message>
        <source>Add a block</source>
        <translation>Einen Block hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove this block</source>
        <translation>Diesen Block entfernen</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Move the block up</source>
        <translation>Den Block nach oben schieben</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Move the block down</source>
        <translation>Den Block nach unten schieben</translation>
    </message>
    <message>
        <source>Pick from the exercise library, or type your own</source>
        <translation>Aus der Übungsbibliothek wählen oder eine eigene eingeben</translation>
    </message>
    <message>
        <source>12, or a range like &quot;10-15&quot;</source>
        <translation>12 oder ein Bereich wie „10-15“</translation>
    </message>
    <message>
        <source>top of range</source>
        <translation>oberes Ende</translation>
    </message>
    <message>
        <source>Each side (left, then right)</source>
        <translation>Jede Seite (links, dann rechts)</translation>
    </message>
    <message>
        <source>bodyweight, or e.g. &quot;40 kg&quot;</source>
        <translation>bodyweight oder z. B. „40 kg“</translation>
    </message>
    <message>
        <source>E&amp;xercise</source>
        <translation>Ü&amp;bung</translation>
    </message>
    <message>
        <source>Sets</source>
        <translation>Sätze</translation>
    </message>
    <message>
        <source>Reps</source>
        <translation>Wdh.</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Last</translation>
    </message>
    <message>
        <source>Lift</source>
        <translation>Heben</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Halten</translation>
    </message>
    <message>
        <source>Lower</source>
        <translation>Senken</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Rest</source>
        <translation>Satzpause</translation>
    </message>
    <message>
        <source>Rest after</source>
        <translation>Pause danach</translation>
    </message>
    <message>
        <source>Per side</source>
        <translation>Je Seite</translation>
    </message>
    <message>
        <source>Switch</source>
        <translation>Wechsel</translation>
    </message>
    <message>
        <source>Back to the Library</source>
        <translation>Zurück zur Bibliothek</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren …</translation>
    </message>
    <message>
        <source>Export this protocol to a file</source>
        <translation>Dieses Protokoll in eine Datei exportieren</translation>
    </message>
    <message>
        <source>Save  (Ctrl+S)</source>
        <translation>Speichern  (Strg+S)</translation>
    </message>
    <message>
        <source>Save protocol</source>
        <translation>Protokoll speichern</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Total duration</source>
        <translation>Gesamtdauer</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>Cue preview</source>
        <translation>Ansagen-Vorschau</translation>
    </message>
    <message>
        <source>Cues</source>
        <translation>Ansagen</translation>
    </message>
    <message>
        <source>This file did not load ({error}): fix it here and save.</source>
        <translation>Diese Datei ließ sich nicht laden ({error}): hier korrigieren und speichern.</translation>
    </message>
    <message>
        <source>(no exercise)</source>
        <translation>(keine Übung)</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <source>Block {n}: {key}: {reason}</source>
        <translation>Block {n}: {key}: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) to fix before saving.</source>
        <translation>
            <numerusform>%n Problem vor dem Speichern zu beheben.</numerusform>
            <numerusform>%n Probleme vor dem Speichern zu beheben.</numerusform>
        </translation>
    </message>
    <message>
        <source>Total –</source>
        <translation>Gesamt –</translation>
    </message>
    <message>
        <source>Fix the problems to see the timing.</source>
        <translation>Behebe die Probleme, um die Zeiten zu sehen.</translation>
    </message>
    <message>
        <source>Total {time}</source>
        <translation>Gesamt {time}</translation>
    </message>
    <message numerus="yes">
        <source>%n block(s)</source>
        <translation>
            <numerusform>%n Block</numerusform>
            <numerusform>%n Blöcke</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n set(s)</source>
        <translation>
            <numerusform>%n Satz</numerusform>
            <numerusform>%n Sätze</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rep(s)</source>
        <translation>
            <numerusform>%n Wiederholung</numerusform>
            <numerusform>%n Wiederholungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cue(s)</source>
        <translation>
            <numerusform>%n Ansage</numerusform>
            <numerusform>%n Ansagen</numerusform>
        </translation>
    </message>
    <message>
        <source>Planning {n} cues…</source>
        <translation>{n} Ansagen werden geplant …</translation>
    </message>
    <message>
        <source>Could not plan: {error}</source>
        <translation>Planung nicht möglich: {error}</translation>
    </message>
    <message>
        <source>Fix the problems first</source>
        <translation>Erst die Probleme beheben</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert …</translation>
    </message>
    <message>
        <source>Not saved: {error}</source>
        <translation>Nicht gespeichert: {error}</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>Gespeichert unter {path}</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>Edit {name}</source>
        <translation>{name} bearbeiten</translation>
    </message>
    <message>
        <source>Easy</source>
        <translation>Leicht</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Passend</translation>
    </message>
    <message>
        <source>Hard</source>
        <translation>Hart</translation>
    </message>
    <message>
        <source>I had reps left: more next time</source>
        <translation>Da ging noch was: nächstes Mal mehr</translation>
    </message>
    <message>
        <source>Just right</source>
        <translation>Genau richtig</translation>
    </message>
    <message>
        <source>Hard: the coach holds an increase back</source>
        <translation>Hart: der Coach hält eine Steigerung zurück</translation>
    </message>
    <message>
        <source>Effort rating</source>
        <translation>Bewertung der Anstrengung</translation>
    </message>
    <message>
        <source>Effort question</source>
        <translation>Frage zur Anstrengung</translation>
    </message>
    <message>
        <source>{hint} (key {key})</source>
        <translation>{hint} (Taste {key})</translation>
    </message>
    <message>
        <source>How was set {set}{side}?</source>
        <translation>Wie war Satz {set}{side}?</translation>
    </message>
    <message>
        <source>Exercise figure</source>
        <translation>Übungsfigur</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Lesen</translation>
    </message>
    <message>
        <source>Checking</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Top load</source>
        <translation>Höchste Last</translation>
    </message>
    <message>
        <source>Training days over the last year: darker means more sets</source>
        <translation>Trainingstage im letzten Jahr: dunkler heißt mehr Sätze</translation>
    </message>
    <message>
        <source>No sets recorded yet</source>
        <translation>Noch keine Sätze gespeichert</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>Importfortschritt</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <source>Per week:</source>
        <translation>Pro Woche:</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Workout</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Add note…</source>
        <translation>Notiz hinzufügen …</translation>
    </message>
    <message>
        <source>Delete workout</source>
        <translation>Training löschen</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importieren …</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren …</translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation>JSON exportieren …</translation>
    </message>
    <message>
        <source>Could not read the history: {error}</source>
        <translation>Der Verlauf ließ sich nicht lesen: {error}</translation>
    </message>
    <message>
        <source>Could not read the sets: {error}</source>
        <translation>Die Sätze ließen sich nicht lesen: {error}</translation>
    </message>
    <message>
        <source>hold {seconds} s</source>
        <translation>{seconds} s halten</translation>
    </message>
    <message>
        <source>{n}. set {set}</source>
        <translation>{n}. Satz {set}</translation>
    </message>
    <message>
        <source>Could not delete: {error}</source>
        <translation>Löschen nicht möglich: {error}</translation>
    </message>
    <message>
        <source>Workout deleted.</source>
        <translation>Training gelöscht.</translation>
    </message>
    <message>
        <source>Could not undo: {error}</source>
        <translation>Rückgängig machen nicht möglich: {error}</translation>
    </message>
    <message>
        <source>Could not save the note: {error}</source>
        <translation>Die Notiz ließ sich nicht speichern: {error}</translation>
    </message>
    <message>
        <source>A note for this workout:</source>
        <translation>Eine Notiz zu diesem Training:</translation>
    </message>
    <message>
        <source>Exported to {path}.</source>
        <translation>Exportiert nach {path}.</translation>
    </message>
    <message>
        <source>Nothing was imported: the history cannot be written here.</source>
        <translation>Nichts importiert: der Verlauf kann hier nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Nothing was imported: {error}</source>
        <translation>Nichts importiert: {error}</translation>
    </message>
    <message>
        <source>Imported {workouts} workout(s) and {sets} set(s).</source>
        <translation>{workouts} Training(s) und {sets} Satz/Sätze importiert.</translation>
    </message>
    <message>
        <source>Export history</source>
        <translation>Verlauf exportieren</translation>
    </message>
    <message>
        <source>Could not export: {error}</source>
        <translation>Export nicht möglich: {error}</translation>
    </message>
    <message>
        <source>Import history</source>
        <translation>Verlauf importieren</translation>
    </message>
    <message>
        <source>History export (*.csv *.json)</source>
        <translation>Verlaufsexport (*.csv *.json)</translation>
    </message>
    <message>
        <source>No workouts recorded yet. Finished sets appear here the moment they are done.</source>
        <translation>Noch keine Trainings gespeichert. Beendete Sätze erscheinen hier, sobald sie geschafft sind.</translation>
    </message>
    <message>
        <source>session {done} of {total}</source>
        <translation>Einheit {done} von {total}</translation>
    </message>
    <message>
        <source>streak {n}</source>
        <translation>Serie {n}</translation>
    </message>
    <message>
        <source>last done {day}</source>
        <translation>zuletzt {day}</translation>
    </message>
    <message>
        <source>{n}× in 30 days</source>
        <translation>{n}× in 30 Tagen</translation>
    </message>
    <message>
        <source>Keeping the screen awake is not supported on this system yet.</source>
        <translation>Den Bildschirm wach zu halten wird auf diesem System noch nicht unterstützt.</translation>
    </message>
    <message>
        <source>No desktop session bus found, so the screen may dim during a workout.</source>
        <translation>Kein Sitzungsbus des Desktops gefunden; der Bildschirm kann während des Trainings dunkel werden.</translation>
    </message>
    <message>
        <source>Qt&apos;s D-Bus module is missing, so the screen may dim during a workout.</source>
        <translation>Das D-Bus-Modul von Qt fehlt; der Bildschirm kann während des Trainings dunkel werden.</translation>
    </message>
    <message>
        <source>Uses the desktop&apos;s screen saver inhibition while a workout runs.</source>
        <translation>Hält den Bildschirmschoner des Desktops an, solange ein Training läuft.</translation>
    </message>
    <message>
        <source>A workout is running</source>
        <translation>Ein Training läuft</translation>
    </message>
    <message>
        <source>That did not work: {error}</source>
        <translation>Das hat nicht geklappt: {error}</translation>
    </message>
    <message>
        <source>it did not load</source>
        <translation>sie ließ sich nicht laden</translation>
    </message>
    <message>
        <source>{path}: cannot be opened in the editor</source>
        <translation>{path}: lässt sich im Editor nicht öffnen</translation>
    </message>
    <message>
        <source>Saved {name}</source>
        <translation>{name} gespeichert</translation>
    </message>
    <message>
        <source>Saved as {name} in your protocols</source>
        <translation>Als {name} in deinen Protokollen gespeichert</translation>
    </message>
    <message>
        <source>Could not save the protocol: {error}</source>
        <translation>Das Protokoll ließ sich nicht speichern: {error}</translation>
    </message>
    <message>
        <source>Copied as {name}</source>
        <translation>Als {name} kopiert</translation>
    </message>
    <message>
        <source>Could not copy the protocol: {error}</source>
        <translation>Das Protokoll ließ sich nicht kopieren: {error}</translation>
    </message>
    <message>
        <source>Imported {name}</source>
        <translation>{name} importiert</translation>
    </message>
    <message>
        <source>Could not import {name}: {error}</source>
        <translation>{name} ließ sich nicht importieren: {error}</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>Exportiert nach {path}</translation>
    </message>
    <message>
        <source>Delete protocol?</source>
        <translation>Protokoll löschen?</translation>
    </message>
    <message>
        <source>Delete “{name}”? The file {path} will be removed.</source>
        <translation>„{name}“ löschen? Die Datei {path} wird entfernt.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Deleted {name}</source>
        <translation>{name} gelöscht</translation>
    </message>
    <message>
        <source>Could not delete {name}: {error}</source>
        <translation>{name} ließ sich nicht löschen: {error}</translation>
    </message>
    <message>
        <source>Import a protocol</source>
        <translation>Ein Protokoll importieren</translation>
    </message>
    <message>
        <source>Protocol files (*.toml)</source>
        <translation>Protokolldateien (*.toml)</translation>
    </message>
    <message>
        <source>Export protocol</source>
        <translation>Protokoll exportieren</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>Änderungen verwerfen?</translation>
    </message>
    <message>
        <source>This protocol has changes that are not saved.</source>
        <translation>Dieses Protokoll hat ungespeicherte Änderungen.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Programme chart: reps and load per session</source>
        <translation>Programmdiagramm: Wiederholungen und Last pro Einheit</translation>
    </message>
    <message>
        <source>No sessions of this programme yet: the chart fills in as you train.</source>
        <translation>Noch keine Einheiten dieses Programms: das Diagramm füllt sich, während du trainierst.</translation>
    </message>
    <message>
        <source>reps, all sets</source>
        <translation>Wdh., alle Sätze</translation>
    </message>
    <message>
        <source>load ({unit})</source>
        <translation>Last ({unit})</translation>
    </message>
    <message>
        <source>went up</source>
        <translation>gesteigert</translation>
    </message>
    <message>
        <source>Programme:</source>
        <translation>Programm:</translation>
    </message>
    <message>
        <source>Protocol for the programme chart</source>
        <translation>Protokoll für das Programmdiagramm</translation>
    </message>
    <message>
        <source>Programme progress</source>
        <translation>Programmfortschritt</translation>
    </message>
    <message>
        <source>session {done} of {total} done</source>
        <translation>Einheit {done} von {total} erledigt</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n Einheit</numerusform>
            <numerusform>%n Einheiten</numerusform>
        </translation>
    </message>
    <message>
        <source>Voice and sounds</source>
        <translation>Stimme und Töne</translation>
    </message>
    <message>
        <source>Workouts</source>
        <translation>Trainings</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <source>Don&apos;t lower it</source>
        <translation>Nicht leiser stellen</translation>
    </message>
    <message>
        <source>Lower it by {db} dB</source>
        <translation>Um {db} dB leiser stellen</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>{page} (Ctrl+{n})</source>
        <translation>{page} (Strg+{n})</translation>
    </message>
    <message>
        <source>Workout status</source>
        <translation>Trainingsstatus</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Dismiss the notice</source>
        <translation>Den Hinweis schließen</translation>
    </message>
    <message>
        <source>The reminder could not be changed: {e}</source>
        <translation>Die Erinnerung ließ sich nicht ändern: {e}</translation>
    </message>
    <message>
        <source>A workout is running. Stop it and quit?</source>
        <translation>Ein Training läuft. Beenden und die App schließen?</translation>
    </message>
    <message>
        <source>Stop and quit</source>
        <translation>Beenden und schließen</translation>
    </message>
    <message>
        <source>Settings status</source>
        <translation>Status der Einstellungen</translation>
    </message>
    <message>
        <source>Test voice</source>
        <translation>Stimme testen</translation>
    </message>
    <message>
        <source>Speak a sample cue with this voice, rate and volume</source>
        <translation>Eine Beispielansage mit dieser Stimme, diesem Tempo und dieser Lautstärke sprechen</translation>
    </message>
    <message numerus="yes">
        <source>%n voice(s) installed; those of your language first.</source>
        <translation>
            <numerusform>%n Stimme installiert; die deiner Sprache zuerst.</numerusform>
            <numerusform>%n Stimmen installiert; die deiner Sprache zuerst.</numerusform>
        </translation>
    </message>
    <message>
        <source>Only the default voice is available.</source>
        <translation>Nur die Standardstimme ist verfügbar.</translation>
    </message>
    <message>
        <source>All changes saved</source>
        <translation>Alle Änderungen gespeichert</translation>
    </message>
    <message>
        <source>Automatic (the best voice for the language)</source>
        <translation>Automatisch (die beste Stimme für die Sprache)</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>{value} (not found)</source>
        <translation>{value} (nicht gefunden)</translation>
    </message>
    <message>
        <source>Shortcut: {keys}</source>
        <translation>Tastenkürzel: {keys}</translation>
    </message>
    <message>
        <source>Step timer</source>
        <translation>Schritt-Timer</translation>
    </message>
    <message>
        <source>Stop the running workout?</source>
        <translation>Laufendes Training beenden?</translation>
    </message>
    <message>
        <source>A workout is running. Stop it and start this one?</source>
        <translation>Ein Training läuft. Beenden und dieses starten?</translation>
    </message>
    <message>
        <source>Stop and start</source>
        <translation>Beenden und starten</translation>
    </message>
    <message>
        <source>The workout could not start: {error}</source>
        <translation>Das Training konnte nicht starten: {error}</translation>
    </message>
    <message>
        <source>Could not start {spec}: {error}</source>
        <translation>{spec} konnte nicht starten: {error}</translation>
    </message>
    <message>
        <source>Stop the workout?</source>
        <translation>Training beenden?</translation>
    </message>
    <message numerus="yes">
        <source>%n set(s) recorded so far. Stop the workout now?</source>
        <translation>
            <numerusform>Bisher %n Satz gespeichert. Training jetzt beenden?</numerusform>
            <numerusform>Bisher %n Sätze gespeichert. Training jetzt beenden?</numerusform>
        </translation>
    </message>
    <message>
        <source>No workout running</source>
        <translation>Kein Training läuft</translation>
    </message>
    <message>
        <source>Pick a protocol in the Library and press Start. Put the laptop on the floor beside your mat: the voice and this screen will take you through every rep.</source>
        <translation>Wähl in der Bibliothek ein Protokoll und drück auf Start. Stell den Laptop neben deine Matte auf den Boden: Stimme und Bildschirm führen dich durch jede Wiederholung.</translation>
    </message>
    <message>
        <source>Open the Library</source>
        <translation>Bibliothek öffnen</translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation>Übung</translation>
    </message>
    <message>
        <source>Time left in the workout</source>
        <translation>Restzeit des Trainings</translation>
    </message>
    <message>
        <source>Workout progress</source>
        <translation>Trainingsfortschritt</translation>
    </message>
    <message>
        <source>Change load  (L)</source>
        <translation>Last ändern  (L)</translation>
    </message>
    <message>
        <source>Up next</source>
        <translation>Als Nächstes</translation>
    </message>
    <message>
        <source>Rep</source>
        <translation>Wdh.</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Satz</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Als Nächstes</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Leertaste</translation>
    </message>
    <message>
        <source>Start, pause or resume</source>
        <translation>Starten, pausieren oder fortsetzen</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>← or B</source>
        <translation>← oder B</translation>
    </message>
    <message>
        <source>Back to the start of the rep</source>
        <translation>Zurück zum Anfang der Wiederholung</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>→ or N</source>
        <translation>→ oder N</translation>
    </message>
    <message>
        <source>Skip to the next step</source>
        <translation>Zum nächsten Schritt springen</translation>
    </message>
    <message>
        <source>Finish set</source>
        <translation>Satz beenden</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Finish the set with the reps done</source>
        <translation>Den Satz mit den geschafften Wiederholungen beenden</translation>
    </message>
    <message>
        <source>−15 s</source>
        <translation>−15 s</translation>
    </message>
    <message>
        <source>Make the rest 15 seconds shorter</source>
        <translation>Die Pause um 15 Sekunden kürzen</translation>
    </message>
    <message>
        <source>+15 s</source>
        <translation>+15 s</translation>
    </message>
    <message>
        <source>Make the rest 15 seconds longer</source>
        <translation>Die Pause um 15 Sekunden verlängern</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Stop the workout</source>
        <translation>Das Training beenden</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Stumm</translation>
    </message>
    <message>
        <source>Mute the voice and sounds</source>
        <translation>Stimme und Töne stumm schalten</translation>
    </message>
    <message>
        <source>Fullscreen</source>
        <translation>Vollbild</translation>
    </message>
    <message>
        <source>Fullscreen on or off</source>
        <translation>Vollbild an oder aus</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>Ton an</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Press Space to start</source>
        <translation>Leertaste zum Starten</translation>
    </message>
    <message>
        <source>Load: {load}</source>
        <translation>Last: {load}</translation>
    </message>
    <message>
        <source>range {range}</source>
        <translation>Bereich {range}</translation>
    </message>
    <message>
        <source>Next: {next}</source>
        <translation>Danach: {next}</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Left</source>
        <comment>side</comment>
        <translation>Links</translation>
    </message>
    <message>
        <source>Right</source>
        <comment>side</comment>
        <translation>Rechts</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>Beide</translation>
    </message>
    <message>
        <source>Paused: the computer was asleep for {gap} s. Press Space to go on.</source>
        <translation>Pausiert: der Rechner hat {gap} s geschlafen. Leertaste zum Weitermachen.</translation>
    </message>
    <message numerus="yes">
        <source>The computer was busy for {gap} s: %n cue(s) came {late} s late, all at once.</source>
        <translation>
            <numerusform>Der Rechner war {gap} s ausgelastet: %n Ansage kam {late} s zu spät, alle auf einmal.</numerusform>
            <numerusform>Der Rechner war {gap} s ausgelastet: %n Ansagen kamen {late} s zu spät, alle auf einmal.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Finished: %n set(s) done</source>
        <translation>
            <numerusform>Beendet: %n Satz geschafft</numerusform>
            <numerusform>Beendet: %n Sätze geschafft</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped: %n set(s) done</source>
        <translation>
            <numerusform>Abgebrochen: %n Satz geschafft</numerusform>
            <numerusform>Abgebrochen: %n Sätze geschafft</numerusform>
        </translation>
    </message>
    <message>
        <source>Running: {name} (paused)</source>
        <translation>Läuft: {name} (pausiert)</translation>
    </message>
    <message>
        <source>Running: {name}</source>
        <translation>Läuft: {name}</translation>
    </message>
    <message>
        <source>Media controls (MPRIS) are off: {problem}.</source>
        <translation>Mediensteuerung (MPRIS) ist aus: {problem}.</translation>
    </message>
    <message>
        <source>Phone remote: {error}</source>
        <translation>Fernbedienung per Telefon: {error}</translation>
    </message>
    <message>
        <source>cannot listen at {address} ({error})</source>
        <translation>kann auf {address} nicht lauschen ({error})</translation>
    </message>
    <message>
        <source>Phone remote is off: {problem}</source>
        <translation>Fernbedienung per Telefon ist aus: {problem}</translation>
    </message>
    <message>
        <source>Phone remote on {where}</source>
        <translation>Fernbedienung per Telefon auf {where}</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothek</translation>
    </message>
    <message>
        <source>Search protocols and exercises  (Ctrl+F)</source>
        <translation>Protokolle und Übungen  (Strg+F)</translation>
    </message>
    <message>
        <source>Search protocols</source>
        <translation>Protokolle suchen</translation>
    </message>
    <message>
        <source>Protocols</source>
        <translation>Protokolle</translation>
    </message>
    <message>
        <source>Import a protocol file</source>
        <translation>Eine Protokolldatei importieren</translation>
    </message>
    <message>
        <source>Protocol name</source>
        <translation>Name des Protokolls</translation>
    </message>
    <message>
        <source>Equipment</source>
        <translation>Ausrüstung</translation>
    </message>
    <message>
        <source>Load error</source>
        <translation>Ladefehler</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen …</translation>
    </message>
    <message>
        <source>Sets × reps</source>
        <translation>Sätze × Wdh.</translation>
    </message>
    <message>
        <source>Tempo</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <source>How it moves</source>
        <translation>So geht die Bewegung</translation>
    </message>
    <message>
        <source>Exercise instructions and form notes</source>
        <translation>Anleitung und Hinweise zur Ausführung</translation>
    </message>
    <message>
        <source> s hold</source>
        <translation> s halten</translation>
    </message>
    <message>
        <source>Hold seconds for this run</source>
        <translation>Haltesekunden für diesen Durchgang</translation>
    </message>
    <message>
        <source>Hold at the top of each rep, for this run (Up/Down to change)</source>
        <translation>Halten oben bei jeder Wiederholung, für diesen Durchgang (Auf/Ab zum Ändern)</translation>
    </message>
    <message>
        <source> reps</source>
        <translation> Wdh.</translation>
    </message>
    <message>
        <source>Reps target for this run</source>
        <translation>Wiederholungsziel für diesen Durchgang</translation>
    </message>
    <message>
        <source>Reps each set runs to, for this run (Up/Down to change)</source>
        <translation>Wiederholungen, bis zu denen jeder Satz läuft, für diesen Durchgang (Auf/Ab zum Ändern)</translation>
    </message>
    <message>
        <source>Save as new</source>
        <translation>Als neu speichern</translation>
    </message>
    <message>
        <source>Save these settings as a new protocol</source>
        <translation>Diese Einstellungen als neues Protokoll speichern</translation>
    </message>
    <message>
        <source>Save this hold and reps target as a protocol of your own</source>
        <translation>Dieses Halten und dieses Wiederholungsziel als eigenes Protokoll speichern</translation>
    </message>
    <message>
        <source>Start workout  ⏎</source>
        <translation>Training starten  ⏎</translation>
    </message>
    <message>
        <source>Start workout</source>
        <translation>Training starten</translation>
    </message>
    <message>
        <source>Start the workout (Enter)</source>
        <translation>Das Training starten (Eingabe)</translation>
    </message>
    <message>
        <source>PRESETS</source>
        <translation>VORLAGEN</translation>
    </message>
    <message>
        <source>MY PROTOCOLS</source>
        <translation>MEINE PROTOKOLLE</translation>
    </message>
    <message>
        <source>COULD NOT LOAD</source>
        <translation>NICHT GELADEN</translation>
    </message>
    <message>
        <source>Nothing here yet</source>
        <translation>Hier ist noch nichts</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>Kein Treffer</translation>
    </message>
    <message>
        <source>Try another search, or make a new protocol.</source>
        <translation>Versuch eine andere Suche oder leg ein neues Protokoll an.</translation>
    </message>
    <message>
        <source>{name} could not be loaded</source>
        <translation>{name} ließ sich nicht laden</translation>
    </message>
    <message>
        <source>The other protocols are fine. Fix it in the editor (Fix…), in a text editor, or delete it.</source>
        <translation>Die anderen Protokolle sind in Ordnung. Korrigier es im Editor (Korrigieren …), in einem Texteditor oder lösch es.</translation>
    </message>
    <message>
        <source>Fix…</source>
        <translation>Korrigieren …</translation>
    </message>
    <message>
        <source>Fix the protocol in the editor</source>
        <translation>Das Protokoll im Editor korrigieren</translation>
    </message>
    <message>
        <source>No description.</source>
        <translation>Keine Beschreibung.</translation>
    </message>
    <message>
        <source>Edit a copy</source>
        <translation>Kopie bearbeiten</translation>
    </message>
    <message>
        <source>(to {target})</source>
        <translation>(bis {target})</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Too long</source>
        <translation>Zu lang</translation>
    </message>
    <message>
        <source>Too big for one workout: {why}.</source>
        <translation>Zu groß für ein Training: {why}.</translation>
    </message>
    <message>
        <source>{n} cues (at most {limit})</source>
        <translation>{n} Ansagen (höchstens {limit})</translation>
    </message>
    <message numerus="yes">
        <source>{name} ({hold} s hold, %n rep(s))</source>
        <translation>
            <numerusform>{name} ({hold} s halten, %n Wiederholung)</numerusform>
            <numerusform>{name} ({hold} s halten, %n Wiederholungen)</numerusform>
        </translation>
    </message>
    <message>
        <source>Every other day</source>
        <translation>Jeden zweiten Tag</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Täglich</translation>
    </message>
    <message>
        <source>Before a run</source>
        <translation>Vor dem Laufen</translation>
    </message>
    <message>
        <source>As needed</source>
        <translation>Nach Bedarf</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more cue(s)</source>
        <translation>
            <numerusform>… und %n weitere Ansage</numerusform>
            <numerusform>… und %n weitere Ansagen</numerusform>
        </translation>
    </message>
    <message>
        <source>a weight</source>
        <translation>ein Gewicht</translation>
    </message>
    <message>
        <source>{time} total</source>
        <translation>{time} gesamt</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Vorlage</translation>
    </message>
    <message numerus="yes">
        <source>%n-week programme</source>
        <translation>
            <numerusform>%n-wöchiges Programm</numerusform>
            <numerusform>%n-wöchiges Programm</numerusform>
        </translation>
    </message>
    <message>
        <source>Equipment: {list}</source>
        <translation>Ausrüstung: {list}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Changed for this run (each block of reps moves by as much).</source>
        <translation>Für diesen Durchgang geändert (jeder Block mit Wiederholungen ändert sich um genauso viel).</translation>
    </message>
    <message>
        <source>Changed for this run.</source>
        <translation>Für diesen Durchgang geändert.</translation>
    </message>
    <message>
        <source>Change the hold or the reps for this run (each block of reps moves by as much).</source>
        <translation>Halten oder Wiederholungen für diesen Durchgang ändern (jeder Block mit Wiederholungen ändert sich um genauso viel).</translation>
    </message>
    <message>
        <source>Change the hold or the reps for this run.</source>
        <translation>Halten oder Wiederholungen für diesen Durchgang ändern.</translation>
    </message>
    <message>
        <source>Change load</source>
        <translation>Last ändern</translation>
    </message>
    <message>
        <source>Load amount</source>
        <translation>Lastmenge</translation>
    </message>
    <message>
        <source>Load unit</source>
        <translation>Lasteinheit</translation>
    </message>
    <message>
        <source>Bodyweight only</source>
        <translation>Nur Körpergewicht</translation>
    </message>
    <message>
        <source>The set I just finished used this load too</source>
        <translation>Der eben beendete Satz hatte auch diese Last</translation>
    </message>
    <message>
        <source>lift {s}</source>
        <translation>heben {s}</translation>
    </message>
    <message>
        <source>hold {s}</source>
        <translation>halten {s}</translation>
    </message>
    <message>
        <source>lower {s}</source>
        <translation>senken {s}</translation>
    </message>
    <message>
        <source>pause {s}</source>
        <translation>Pause {s}</translation>
    </message>
    <message>
        <source>Lift {s} s</source>
        <translation>{s} s heben</translation>
    </message>
    <message>
        <source>hold {s} s at the top</source>
        <translation>oben {s} s halten</translation>
    </message>
    <message>
        <source>lower {s} s</source>
        <translation>{s} s senken</translation>
    </message>
    <message>
        <source>rest {s} s at the bottom</source>
        <translation>unten {s} s ruhen</translation>
    </message>
    <message>
        <source>Exercise shown</source>
        <translation>Gezeigte Übung</translation>
    </message>
    <message>
        <source>Tempo shown</source>
        <translation>Gezeigtes Tempo</translation>
    </message>
    <message>
        <source>left side first</source>
        <translation>zuerst links</translation>
    </message>
    <message>
        <source>right side first</source>
        <translation>zuerst rechts</translation>
    </message>
    <message>
        <source>Block {n} of {count}: pick a row of Blocks to see another.</source>
        <translation>Block {n} von {count}: wähl eine Zeile unter Blöcke, um einen anderen zu sehen.</translation>
    </message>
    <message>
        <source>The workout moves the figure in step with the voice.</source>
        <translation>Im Training bewegt sich die Figur im Takt der Stimme.</translation>
    </message>
    <message>
        <source>QR code of the phone remote&apos;s address</source>
        <translation>QR-Code der Adresse der Telefon-Fernbedienung</translation>
    </message>
    <message>
        <source>Phone remote</source>
        <translation>Fernbedienung per Telefon</translation>
    </message>
    <message>
        <source>Scan with a phone on the same network</source>
        <translation>Mit einem Telefon im selben Netz scannen</translation>
    </message>
    <message>
        <source>Phone remote address</source>
        <translation>Adresse der Telefon-Fernbedienung</translation>
    </message>
    <message>
        <source>Phones following</source>
        <translation>Verbundene Telefone</translation>
    </message>
    <message>
        <source>Hide code</source>
        <translation>Code ausblenden</translation>
    </message>
    <message>
        <source>Hide or show the QR code</source>
        <translation>Den QR-Code aus- oder einblenden</translation>
    </message>
    <message>
        <source>1 phone follows</source>
        <translation>1 Telefon ist verbunden</translation>
    </message>
    <message numerus="yes">
        <source>%n phones follow</source>
        <translation>
            <numerusform>%n Telefon ist verbunden</numerusform>
            <numerusform>%n Telefone sind verbunden</numerusform>
        </translation>
    </message>
    <message>
        <source>Show code</source>
        <translation>Code zeigen</translation>
    </message>
    <message>
        <source>Effort</source>
        <translation>Anstrengung</translation>
    </message>
    <message>
        <source>No sets were completed · {time} in all</source>
        <translation>Kein Satz geschafft · {time} insgesamt</translation>
    </message>
    <message>
        <source>{time} in all</source>
        <translation>{time} insgesamt</translation>
    </message>
    <message>
        <source>{time} under tension</source>
        <translation>{time} unter Spannung</translation>
    </message>
    <message>
        <source>today</source>
        <translation>heute</translation>
    </message>
    <message>
        <source>Next session {when}</source>
        <translation>Nächste Einheit {when}</translation>
    </message>
    <message>
        <source>Workout complete</source>
        <translation>Training beendet</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>Summen</translation>
    </message>
    <message>
        <source>Completed sets</source>
        <translation>Geschaffte Sätze</translation>
    </message>
    <message>
        <source>Next time</source>
        <translation>Nächstes Mal</translation>
    </message>
    <message>
        <source>Enter or Space: back to the Library</source>
        <translation>Eingabe oder Leertaste: zurück zur Bibliothek</translation>
    </message>
    <message>
        <source>Do it again</source>
        <translation>Noch einmal</translation>
    </message>
    <message>
        <source>Workout stopped</source>
        <translation>Training abgebrochen</translation>
    </message>
    <message>
        <source>How was the last set?</source>
        <translation>Wie war der letzte Satz?</translation>
    </message>
    <message>
        <source>no session bus (D-Bus)</source>
        <translation>kein Sitzungsbus (D-Bus)</translation>
    </message>
    <message>
        <source>the session bus did not answer ({error})</source>
        <translation>der Sitzungsbus hat nicht geantwortet ({error})</translation>
    </message>
    <message>
        <source>the player&apos;s object could not be registered</source>
        <translation>das Objekt des Players ließ sich nicht registrieren</translation>
    </message>
    <message>
        <source>no MPRIS name could be had on the session bus</source>
        <translation>auf dem Sitzungsbus war kein MPRIS-Name zu bekommen</translation>
    </message>
</context>
</TS>
