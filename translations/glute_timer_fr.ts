<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name></name>
    <message>
        <source>Sound could not start ({error}); the workout runs silently.</source>
        <translation>Le son n’a pas pu démarrer ({error}) ; la séance se déroule sans son.</translation>
    </message>
    <message>
        <source>Sound is not available.</source>
        <translation>Le son n’est pas disponible.</translation>
    </message>
    <message>
        <source>Testing the voice…</source>
        <translation>Test de la voix…</translation>
    </message>
    <message>
        <source>Muted</source>
        <translation>Muet</translation>
    </message>
    <message>
        <source>Sound on</source>
        <translation>Son activé</translation>
    </message>
    <message>
        <source>Preparing voice cues… {done} / {total}</source>
        <translation>Préparation des annonces… {done} / {total}</translation>
    </message>
    <message>
        <source>Voice cues ready</source>
        <translation>Annonces prêtes</translation>
    </message>
    <message>
        <source>First time: the protocol as written. From your next session on, the coach suggests each block&apos;s load from how this one went.</source>
        <translation>Première fois : le programme tel qu’écrit. Dès la prochaine séance, le coach propose la charge de chaque bloc d’après le déroulé de celle-ci.</translation>
    </message>
    <message>
        <source>due today</source>
        <translation>à faire aujourd’hui</translation>
    </message>
    <message>
        <source>done today · next {day}</source>
        <translation>fait aujourd’hui · prochaine {day}</translation>
    </message>
    <message>
        <source>rest day · next {day}</source>
        <translation>jour de repos · prochaine {day}</translation>
    </message>
    <message>
        <source>Coach</source>
        <translation>Coach</translation>
    </message>
    <message>
        <source>Programme and due day</source>
        <translation>Programme et jour prévu</translation>
    </message>
    <message>
        <source>Use as written</source>
        <translation>Tel qu’écrit</translation>
    </message>
    <message>
        <source>Use the protocol as written</source>
        <translation>Utiliser le programme tel qu’écrit</translation>
    </message>
    <message>
        <source>Run the protocol exactly as its file says</source>
        <translation>Lancer le programme exactement comme le dit son fichier</translation>
    </message>
    <message>
        <source>Last time</source>
        <translation>La dernière fois</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>Suggestion</translation>
    </message>
    <message>
        <source>The coach cannot read the history: {error}</source>
        <translation>Le coach ne peut pas lire l’historique : {error}</translation>
    </message>
    <message>
        <source>Reading your history…</source>
        <translation>Lecture de votre historique…</translation>
    </message>
    <message>
        <source>Last time ({day}): {sets}</source>
        <translation>La dernière fois ({day}) : {sets}</translation>
    </message>
    <message>
        <source>Last time: {sets}</source>
        <translation>La dernière fois : {sets}</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more block(s)</source>
        <translation>
            <numerusform>… et %n autre bloc</numerusform>
            <numerusform>… et %n autres blocs</numerusform>
        </translation>
    </message>
    <message>
        <source>(used for this run)</source>
        <translation>(utilisée pour cette séance)</translation>
    </message>
    <message>
        <source>(not used: as written)</source>
        <translation>(non utilisée : tel qu’écrit)</translation>
    </message>
    <message>
        <source>Use the suggestion</source>
        <translation>Utiliser la suggestion</translation>
    </message>
    <message>
        <source>Run the coach&apos;s suggestion</source>
        <translation>Lancer la suggestion du coach</translation>
    </message>
    <message>
        <source>Remind me on training days at</source>
        <translation>Me le rappeler les jours d’entraînement à</translation>
    </message>
    <message>
        <source>Remind me on training days</source>
        <translation>Me le rappeler les jours d’entraînement</translation>
    </message>
    <message>
        <source>Reminder time</source>
        <translation>Heure du rappel</translation>
    </message>
    <message>
        <source>Reminders are off.</source>
        <translation>Les rappels sont désactivés.</translation>
    </message>
    <message>
        <source>Removed {name}.</source>
        <translation>{name} supprimé.</translation>
    </message>
    <message>
        <source>a systemd user timer</source>
        <translation>un minuteur utilisateur systemd</translation>
    </message>
    <message>
        <source>an autostart entry</source>
        <translation>une entrée de démarrage automatique</translation>
    </message>
    <message>
        <source>Reminders at {time} on training days: {how} ({file}).</source>
        <translation>Rappels à {time} les jours d’entraînement : {how} ({file}).</translation>
    </message>
    <message>
        <source>My protocol</source>
        <translation>Mon programme</translation>
    </message>
    <message>
        <source>New protocol</source>
        <translation>Nouveau programme</translation>
    </message>
    <message>
        <source>{field} problem</source>
        <translation>Problème : {field}</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>no fixed length</source>
        <translation>pas de durée fixe</translation>
    </message>
    <message>
        <source> weeks</source>
        <translation> semaines</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Rythme</translation>
    </message>
    <message>
        <source>Lead-in</source>
        <translation>Décompte</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Blocks</source>
        <translation>Blocs</translation>
    </message>
    <message>
        <source>Add block</source>
        <translation>Ajouter un bloc</translation>
    </message>
    <message>
        <source>Add a block</source>
        <translation>Ajouter un bloc</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Remove this block</source>
        <translation>Retirer ce bloc</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <source>Move the block up</source>
        <translation>Monter le bloc</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <source>Move the block down</source>
        <translation>Descendre le bloc</translation>
    </message>
    <message>
        <source>Pick from the exercise library, or type your own</source>
        <translation>Choisissez dans la bibliothèque d’exercices ou saisissez le vôtre</translation>
    </message>
    <message>
        <source>12, or a range like &quot;10-15&quot;</source>
        <translation>12, ou une fourchette comme « 10-15 »</translation>
    </message>
    <message>
        <source>top of range</source>
        <translation>haut de la fourchette</translation>
    </message>
    <message>
        <source>Each side (left, then right)</source>
        <translation>Chaque côté (gauche, puis droite)</translation>
    </message>
    <message>
        <source>bodyweight, or e.g. &quot;40 kg&quot;</source>
        <translation>bodyweight, ou par ex. « 40 kg »</translation>
    </message>
    <message>
        <source>E&amp;xercise</source>
        <translation>E&amp;xercice</translation>
    </message>
    <message>
        <source>Sets</source>
        <translation>Séries</translation>
    </message>
    <message>
        <source>Reps</source>
        <translation>Répétitions</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Objectif</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Charge</translation>
    </message>
    <message>
        <source>Lift</source>
        <translation>Montée</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Maintien</translation>
    </message>
    <message>
        <source>Lower</source>
        <translation>Descente</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Rest</source>
        <translation>Repos</translation>
    </message>
    <message>
        <source>Rest after</source>
        <translation>Repos après</translation>
    </message>
    <message>
        <source>Per side</source>
        <translation>Par côté</translation>
    </message>
    <message>
        <source>Switch</source>
        <translation>Changement</translation>
    </message>
    <message>
        <source>Back to the Library</source>
        <translation>Retour à la bibliothèque</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>Export this protocol to a file</source>
        <translation>Exporter ce programme dans un fichier</translation>
    </message>
    <message>
        <source>Save  (Ctrl+S)</source>
        <translation>Enregistrer  (Ctrl+S)</translation>
    </message>
    <message>
        <source>Save protocol</source>
        <translation>Enregistrer le programme</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>Total duration</source>
        <translation>Durée totale</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problèmes</translation>
    </message>
    <message>
        <source>Cue preview</source>
        <translation>Aperçu des annonces</translation>
    </message>
    <message>
        <source>Cues</source>
        <translation>Annonces</translation>
    </message>
    <message>
        <source>This file did not load ({error}): fix it here and save.</source>
        <translation>Ce fichier ne s’est pas chargé ({error}) : corrigez-le ici et enregistrez.</translation>
    </message>
    <message>
        <source>(no exercise)</source>
        <translation>(aucun exercice)</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Non enregistré</translation>
    </message>
    <message>
        <source>Block {n}: {key}: {reason}</source>
        <translation>Bloc {n} : {key} : {reason}</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) to fix before saving.</source>
        <translation>
            <numerusform>%n problème à corriger avant d’enregistrer.</numerusform>
            <numerusform>%n problèmes à corriger avant d’enregistrer.</numerusform>
        </translation>
    </message>
    <message>
        <source>Total –</source>
        <translation>Total –</translation>
    </message>
    <message>
        <source>Fix the problems to see the timing.</source>
        <translation>Corrigez les problèmes pour voir la durée.</translation>
    </message>
    <message>
        <source>Total {time}</source>
        <translation>Total {time}</translation>
    </message>
    <message numerus="yes">
        <source>%n block(s)</source>
        <translation>
            <numerusform>%n bloc</numerusform>
            <numerusform>%n blocs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n set(s)</source>
        <translation>
            <numerusform>%n série</numerusform>
            <numerusform>%n séries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rep(s)</source>
        <translation>
            <numerusform>%n répétition</numerusform>
            <numerusform>%n répétitions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cue(s)</source>
        <translation>
            <numerusform>%n annonce</numerusform>
            <numerusform>%n annonces</numerusform>
        </translation>
    </message>
    <message>
        <source>Planning {n} cues…</source>
        <translation>Préparation de {n} annonces…</translation>
    </message>
    <message>
        <source>Could not plan: {error}</source>
        <translation>Impossible de préparer la séance : {error}</translation>
    </message>
    <message>
        <source>Fix the problems first</source>
        <translation>Corrigez d’abord les problèmes</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Not saved: {error}</source>
        <translation>Non enregistré : {error}</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>Enregistré dans {path}</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <source>Edit {name}</source>
        <translation>Modifier {name}</translation>
    </message>
    <message>
        <source>Easy</source>
        <translation>Facile</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Juste</translation>
    </message>
    <message>
        <source>Hard</source>
        <translation>Dur</translation>
    </message>
    <message>
        <source>I had reps left: more next time</source>
        <translation>J’avais encore des répétitions : plus la prochaine fois</translation>
    </message>
    <message>
        <source>Just right</source>
        <translation>Juste ce qu’il faut</translation>
    </message>
    <message>
        <source>Hard: the coach holds an increase back</source>
        <translation>Dur : le coach retient une augmentation</translation>
    </message>
    <message>
        <source>Effort rating</source>
        <translation>Note d’effort</translation>
    </message>
    <message>
        <source>Effort question</source>
        <translation>Question sur l’effort</translation>
    </message>
    <message>
        <source>{hint} (key {key})</source>
        <translation>{hint} (touche {key})</translation>
    </message>
    <message>
        <source>How was set {set}{side}?</source>
        <translation>Comment était la série {set}{side} ?</translation>
    </message>
    <message>
        <source>Exercise figure</source>
        <translation>Silhouette de l’exercice</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Lecture</translation>
    </message>
    <message>
        <source>Checking</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <source>Top load</source>
        <translation>Charge maximale</translation>
    </message>
    <message>
        <source>Training days over the last year: darker means more sets</source>
        <translation>Jours d’entraînement de l’année écoulée : plus c’est foncé, plus il y a de séries</translation>
    </message>
    <message>
        <source>No sets recorded yet</source>
        <translation>Aucune série enregistrée</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>Progression de l’import</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Per week:</source>
        <translation>Par semaine :</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Workout</source>
        <translation>Séance</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Add note…</source>
        <translation>Ajouter une note…</translation>
    </message>
    <message>
        <source>Delete workout</source>
        <translation>Supprimer la séance</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importer…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation>Exporter en JSON…</translation>
    </message>
    <message>
        <source>Could not read the history: {error}</source>
        <translation>Impossible de lire l’historique : {error}</translation>
    </message>
    <message>
        <source>Could not read the sets: {error}</source>
        <translation>Impossible de lire les séries : {error}</translation>
    </message>
    <message>
        <source>hold {seconds} s</source>
        <translation>maintien {seconds} s</translation>
    </message>
    <message>
        <source>{n}. set {set}</source>
        <translation>{n}. série {set}</translation>
    </message>
    <message>
        <source>Could not delete: {error}</source>
        <translation>Suppression impossible : {error}</translation>
    </message>
    <message>
        <source>Workout deleted.</source>
        <translation>Séance supprimée.</translation>
    </message>
    <message>
        <source>Could not undo: {error}</source>
        <translation>Annulation impossible : {error}</translation>
    </message>
    <message>
        <source>Could not save the note: {error}</source>
        <translation>Impossible d’enregistrer la note : {error}</translation>
    </message>
    <message>
        <source>A note for this workout:</source>
        <translation>Une note pour cette séance :</translation>
    </message>
    <message>
        <source>Exported to {path}.</source>
        <translation>Exporté dans {path}.</translation>
    </message>
    <message>
        <source>Nothing was imported: the history cannot be written here.</source>
        <translation>Rien n’a été importé : l’historique ne peut pas être écrit ici.</translation>
    </message>
    <message>
        <source>Nothing was imported: {error}</source>
        <translation>Rien n’a été importé : {error}</translation>
    </message>
    <message>
        <source>Imported {workouts} workout(s) and {sets} set(s).</source>
        <translation>{workouts} séance(s) et {sets} série(s) importée(s).</translation>
    </message>
    <message>
        <source>Export history</source>
        <translation>Exporter l’historique</translation>
    </message>
    <message>
        <source>Could not export: {error}</source>
        <translation>Export impossible : {error}</translation>
    </message>
    <message>
        <source>Import history</source>
        <translation>Importer un historique</translation>
    </message>
    <message>
        <source>History export (*.csv *.json)</source>
        <translation>Export d’historique (*.csv *.json)</translation>
    </message>
    <message>
        <source>No workouts recorded yet. Finished sets appear here the moment they are done.</source>
        <translation>Aucune séance enregistrée pour l’instant. Les séries terminées apparaissent ici dès qu’elles sont faites.</translation>
    </message>
    <message>
        <source>session {done} of {total}</source>
        <translation>séance {done} sur {total}</translation>
    </message>
    <message>
        <source>streak {n}</source>
        <translation>série en cours {n}</translation>
    </message>
    <message>
        <source>last done {day}</source>
        <translation>dernière fois {day}</translation>
    </message>
    <message>
        <source>{n}× in 30 days</source>
        <translation>{n}× en 30 jours</translation>
    </message>
    <message>
        <source>Keeping the screen awake is not supported on this system yet.</source>
        <translation>Garder l’écran allumé n’est pas encore pris en charge sur ce système.</translation>
    </message>
    <message>
        <source>No desktop session bus found, so the screen may dim during a workout.</source>
        <translation>Aucun bus de session du bureau trouvé : l’écran peut s’assombrir pendant une séance.</translation>
    </message>
    <message>
        <source>Qt&apos;s D-Bus module is missing, so the screen may dim during a workout.</source>
        <translation>Le module D-Bus de Qt manque : l’écran peut s’assombrir pendant une séance.</translation>
    </message>
    <message>
        <source>Uses the desktop&apos;s screen saver inhibition while a workout runs.</source>
        <translation>Suspend l’économiseur d’écran du bureau pendant une séance.</translation>
    </message>
    <message>
        <source>A workout is running</source>
        <translation>Une séance est en cours</translation>
    </message>
    <message>
        <source>That did not work: {error}</source>
        <translation>Cela n’a pas fonctionné : {error}</translation>
    </message>
    <message>
        <source>it did not load</source>
        <translation>il ne s’est pas chargé</translation>
    </message>
    <message>
        <source>{path}: cannot be opened in the editor</source>
        <translation>{path} : impossible de l’ouvrir dans l’éditeur</translation>
    </message>
    <message>
        <source>Saved {name}</source>
        <translation>{name} enregistré</translation>
    </message>
    <message>
        <source>Saved as {name} in your protocols</source>
        <translation>Enregistré sous {name} dans vos programmes</translation>
    </message>
    <message>
        <source>Could not save the protocol: {error}</source>
        <translation>Impossible d’enregistrer le programme : {error}</translation>
    </message>
    <message>
        <source>Copied as {name}</source>
        <translation>Copié sous {name}</translation>
    </message>
    <message>
        <source>Could not copy the protocol: {error}</source>
        <translation>Impossible de copier le programme : {error}</translation>
    </message>
    <message>
        <source>Imported {name}</source>
        <translation>{name} importé</translation>
    </message>
    <message>
        <source>Could not import {name}: {error}</source>
        <translation>Impossible d’importer {name} : {error}</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>Exporté dans {path}</translation>
    </message>
    <message>
        <source>Delete protocol?</source>
        <translation>Supprimer le programme ?</translation>
    </message>
    <message>
        <source>Delete “{name}”? The file {path} will be removed.</source>
        <translation>Supprimer « {name} » ? Le fichier {path} sera effacé.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Deleted {name}</source>
        <translation>{name} supprimé</translation>
    </message>
    <message>
        <source>Could not delete {name}: {error}</source>
        <translation>Impossible de supprimer {name} : {error}</translation>
    </message>
    <message>
        <source>Import a protocol</source>
        <translation>Importer un programme</translation>
    </message>
    <message>
        <source>Protocol files (*.toml)</source>
        <translation>Fichiers de programme (*.toml)</translation>
    </message>
    <message>
        <source>Export protocol</source>
        <translation>Exporter le programme</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>Abandonner les modifications ?</translation>
    </message>
    <message>
        <source>This protocol has changes that are not saved.</source>
        <translation>Ce programme a des modifications non enregistrées.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <source>Programme chart: reps and load per session</source>
        <translation>Graphique du programme : répétitions et charge par séance</translation>
    </message>
    <message>
        <source>No sessions of this programme yet: the chart fills in as you train.</source>
        <translation>Aucune séance de ce programme pour l’instant : le graphique se remplit au fil de l’entraînement.</translation>
    </message>
    <message>
        <source>reps, all sets</source>
        <translation>répétitions, toutes séries</translation>
    </message>
    <message>
        <source>load ({unit})</source>
        <translation>charge ({unit})</translation>
    </message>
    <message>
        <source>went up</source>
        <translation>en hausse</translation>
    </message>
    <message>
        <source>Programme:</source>
        <translation>Programme :</translation>
    </message>
    <message>
        <source>Protocol for the programme chart</source>
        <translation>Programme du graphique</translation>
    </message>
    <message>
        <source>Programme progress</source>
        <translation>Avancement du programme</translation>
    </message>
    <message>
        <source>session {done} of {total} done</source>
        <translation>séance {done} sur {total} faite</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n séance</numerusform>
            <numerusform>%n séances</numerusform>
        </translation>
    </message>
    <message>
        <source>Voice and sounds</source>
        <translation>Voix et sons</translation>
    </message>
    <message>
        <source>Workouts</source>
        <translation>Séances</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Apparence</translation>
    </message>
    <message>
        <source>Don&apos;t lower it</source>
        <translation>Ne pas les baisser</translation>
    </message>
    <message>
        <source>Lower it by {db} dB</source>
        <translation>Les baisser de {db} dB</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
    <message>
        <source>{page} (Ctrl+{n})</source>
        <translation>{page} (Ctrl+{n})</translation>
    </message>
    <message>
        <source>Workout status</source>
        <translation>État de la séance</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Avis</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Dismiss the notice</source>
        <translation>Fermer l’avis</translation>
    </message>
    <message>
        <source>The reminder could not be changed: {e}</source>
        <translation>Impossible de modifier le rappel : {e}</translation>
    </message>
    <message>
        <source>A workout is running. Stop it and quit?</source>
        <translation>Une séance est en cours. L’arrêter et quitter ?</translation>
    </message>
    <message>
        <source>Stop and quit</source>
        <translation>Arrêter et quitter</translation>
    </message>
    <message>
        <source>Settings status</source>
        <translation>État des réglages</translation>
    </message>
    <message>
        <source>Test voice</source>
        <translation>Tester la voix</translation>
    </message>
    <message>
        <source>Speak a sample cue with this voice, rate and volume</source>
        <translation>Dire une annonce d’exemple avec cette voix, ce débit et ce volume</translation>
    </message>
    <message numerus="yes">
        <source>%n voice(s) installed; those of your language first.</source>
        <translation>
            <numerusform>%n voix installée ; celles de votre langue d’abord.</numerusform>
            <numerusform>%n voix installées ; celles de votre langue d’abord.</numerusform>
        </translation>
    </message>
    <message>
        <source>Only the default voice is available.</source>
        <translation>Seule la voix par défaut est disponible.</translation>
    </message>
    <message>
        <source>All changes saved</source>
        <translation>Toutes les modifications sont enregistrées</translation>
    </message>
    <message>
        <source>Automatic (the best voice for the language)</source>
        <translation>Automatique (la meilleure voix pour la langue)</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Par défaut du système</translation>
    </message>
    <message>
        <source>{value} (not found)</source>
        <translation>{value} (introuvable)</translation>
    </message>
    <message>
        <source>Shortcut: {keys}</source>
        <translation>Raccourci : {keys}</translation>
    </message>
    <message>
        <source>Step timer</source>
        <translation>Minuteur d’étape</translation>
    </message>
    <message>
        <source>Stop the running workout?</source>
        <translation>Arrêter la séance en cours ?</translation>
    </message>
    <message>
        <source>A workout is running. Stop it and start this one?</source>
        <translation>Une séance est en cours. L’arrêter et lancer celle-ci ?</translation>
    </message>
    <message>
        <source>Stop and start</source>
        <translation>Arrêter et lancer</translation>
    </message>
    <message>
        <source>The workout could not start: {error}</source>
        <translation>La séance n’a pas pu démarrer : {error}</translation>
    </message>
    <message>
        <source>Could not start {spec}: {error}</source>
        <translation>Impossible de lancer {spec} : {error}</translation>
    </message>
    <message>
        <source>Stop the workout?</source>
        <translation>Arrêter la séance ?</translation>
    </message>
    <message numerus="yes">
        <source>%n set(s) recorded so far. Stop the workout now?</source>
        <translation>
            <numerusform>%n série enregistrée jusqu’ici. Arrêter la séance maintenant ?</numerusform>
            <numerusform>%n séries enregistrées jusqu’ici. Arrêter la séance maintenant ?</numerusform>
        </translation>
    </message>
    <message>
        <source>No workout running</source>
        <translation>Aucune séance en cours</translation>
    </message>
    <message>
        <source>Pick a protocol in the Library and press Start. Put the laptop on the floor beside your mat: the voice and this screen will take you through every rep.</source>
        <translation>Choisissez un programme dans la bibliothèque et appuyez sur Démarrer. Posez l’ordinateur au sol à côté de votre tapis : la voix et cet écran vous guident à chaque répétition.</translation>
    </message>
    <message>
        <source>Open the Library</source>
        <translation>Ouvrir la bibliothèque</translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation>Exercice</translation>
    </message>
    <message>
        <source>Time left in the workout</source>
        <translation>Temps restant de la séance</translation>
    </message>
    <message>
        <source>Workout progress</source>
        <translation>Avancement de la séance</translation>
    </message>
    <message>
        <source>Change load  (L)</source>
        <translation>Changer la charge  (L)</translation>
    </message>
    <message>
        <source>Up next</source>
        <translation>Ensuite</translation>
    </message>
    <message>
        <source>Rep</source>
        <translation>Rép.</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Série</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Côté</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Ensuite</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Démarrer</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Espace</translation>
    </message>
    <message>
        <source>Start, pause or resume</source>
        <translation>Démarrer, mettre en pause ou reprendre</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>← or B</source>
        <translation>← ou B</translation>
    </message>
    <message>
        <source>Back to the start of the rep</source>
        <translation>Retour au début de la répétition</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Passer</translation>
    </message>
    <message>
        <source>→ or N</source>
        <translation>→ ou N</translation>
    </message>
    <message>
        <source>Skip to the next step</source>
        <translation>Passer à l’étape suivante</translation>
    </message>
    <message>
        <source>Finish set</source>
        <translation>Finir la série</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Finish the set with the reps done</source>
        <translation>Finir la série avec les répétitions faites</translation>
    </message>
    <message>
        <source>−15 s</source>
        <translation>−15 s</translation>
    </message>
    <message>
        <source>Make the rest 15 seconds shorter</source>
        <translation>Raccourcir le repos de 15 secondes</translation>
    </message>
    <message>
        <source>+15 s</source>
        <translation>+15 s</translation>
    </message>
    <message>
        <source>Make the rest 15 seconds longer</source>
        <translation>Allonger le repos de 15 secondes</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Échap</translation>
    </message>
    <message>
        <source>Stop the workout</source>
        <translation>Arrêter la séance</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Muet</translation>
    </message>
    <message>
        <source>Mute the voice and sounds</source>
        <translation>Couper la voix et les sons</translation>
    </message>
    <message>
        <source>Fullscreen</source>
        <translation>Plein écran</translation>
    </message>
    <message>
        <source>Fullscreen on or off</source>
        <translation>Plein écran activé ou désactivé</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>Son</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <source>Press Space to start</source>
        <translation>Espace pour démarrer</translation>
    </message>
    <message>
        <source>Load: {load}</source>
        <translation>Charge : {load}</translation>
    </message>
    <message>
        <source>range {range}</source>
        <translation>fourchette {range}</translation>
    </message>
    <message>
        <source>Next: {next}</source>
        <translation>Ensuite : {next}</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <source>Left</source>
        <comment>side</comment>
        <translation>Gauche</translation>
    </message>
    <message>
        <source>Right</source>
        <comment>side</comment>
        <translation>Droite</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>Les deux</translation>
    </message>
    <message>
        <source>Paused: the computer was asleep for {gap} s. Press Space to go on.</source>
        <translation>En pause : l’ordinateur était en veille pendant {gap} s. Appuyez sur Espace pour continuer.</translation>
    </message>
    <message numerus="yes">
        <source>The computer was busy for {gap} s: %n cue(s) came {late} s late, all at once.</source>
        <translation>
            <numerusform>L’ordinateur était occupé pendant {gap} s : %n annonce est arrivée avec {late} s de retard, toutes d’un coup.</numerusform>
            <numerusform>L’ordinateur était occupé pendant {gap} s : %n annonces sont arrivées avec {late} s de retard, toutes d’un coup.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Finished: %n set(s) done</source>
        <translation>
            <numerusform>Terminé : %n série faite</numerusform>
            <numerusform>Terminé : %n séries faites</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped: %n set(s) done</source>
        <translation>
            <numerusform>Arrêté : %n série faite</numerusform>
            <numerusform>Arrêté : %n séries faites</numerusform>
        </translation>
    </message>
    <message>
        <source>Running: {name} (paused)</source>
        <translation>En cours : {name} (en pause)</translation>
    </message>
    <message>
        <source>Running: {name}</source>
        <translation>En cours : {name}</translation>
    </message>
    <message>
        <source>Media controls (MPRIS) are off: {problem}.</source>
        <translation>Les commandes multimédia (MPRIS) sont désactivées : {problem}.</translation>
    </message>
    <message>
        <source>Phone remote: {error}</source>
        <translation>Télécommande sur téléphone : {error}</translation>
    </message>
    <message>
        <source>cannot listen at {address} ({error})</source>
        <translation>impossible d’écouter sur {address} ({error})</translation>
    </message>
    <message>
        <source>Phone remote is off: {problem}</source>
        <translation>La télécommande sur téléphone est désactivée : {problem}</translation>
    </message>
    <message>
        <source>Phone remote on {where}</source>
        <translation>Télécommande sur téléphone sur {where}</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothèque</translation>
    </message>
    <message>
        <source>Search protocols and exercises  (Ctrl+F)</source>
        <translation>Chercher programmes et exercices  (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search protocols</source>
        <translation>Chercher des programmes</translation>
    </message>
    <message>
        <source>Protocols</source>
        <translation>Programmes</translation>
    </message>
    <message>
        <source>Import a protocol file</source>
        <translation>Importer un fichier de programme</translation>
    </message>
    <message>
        <source>Protocol name</source>
        <translation>Nom du programme</translation>
    </message>
    <message>
        <source>Equipment</source>
        <translation>Matériel</translation>
    </message>
    <message>
        <source>Load error</source>
        <translation>Erreur de chargement</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>Sets × reps</source>
        <translation>Séries × rép.</translation>
    </message>
    <message>
        <source>Tempo</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <source>How it moves</source>
        <translation>Le mouvement</translation>
    </message>
    <message>
        <source>Exercise instructions and form notes</source>
        <translation>Consignes et conseils d’exécution</translation>
    </message>
    <message>
        <source> s hold</source>
        <translation> s de maintien</translation>
    </message>
    <message>
        <source>Hold seconds for this run</source>
        <translation>Secondes de maintien pour cette séance</translation>
    </message>
    <message>
        <source>Hold at the top of each rep, for this run (Up/Down to change)</source>
        <translation>Maintien en haut de chaque répétition, pour cette séance (Haut/Bas pour changer)</translation>
    </message>
    <message>
        <source> reps</source>
        <translation> rép.</translation>
    </message>
    <message>
        <source>Reps target for this run</source>
        <translation>Objectif de répétitions pour cette séance</translation>
    </message>
    <message>
        <source>Reps each set runs to, for this run (Up/Down to change)</source>
        <translation>Répétitions jusqu’auxquelles va chaque série, pour cette séance (Haut/Bas pour changer)</translation>
    </message>
    <message>
        <source>Save as new</source>
        <translation>Enregistrer comme nouveau</translation>
    </message>
    <message>
        <source>Save these settings as a new protocol</source>
        <translation>Enregistrer ces réglages comme nouveau programme</translation>
    </message>
    <message>
        <source>Save this hold and reps target as a protocol of your own</source>
        <translation>Enregistrer ce maintien et cet objectif comme votre propre programme</translation>
    </message>
    <message>
        <source>Start workout  ⏎</source>
        <translation>Démarrer la séance  ⏎</translation>
    </message>
    <message>
        <source>Start workout</source>
        <translation>Démarrer la séance</translation>
    </message>
    <message>
        <source>Start the workout (Enter)</source>
        <translation>Démarrer la séance (Entrée)</translation>
    </message>
    <message>
        <source>PRESETS</source>
        <translation>PROGRAMMES FOURNIS</translation>
    </message>
    <message>
        <source>MY PROTOCOLS</source>
        <translation>MES PROGRAMMES</translation>
    </message>
    <message>
        <source>COULD NOT LOAD</source>
        <translation>NON CHARGÉS</translation>
    </message>
    <message>
        <source>Nothing here yet</source>
        <translation>Rien pour l’instant</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>Aucun résultat</translation>
    </message>
    <message>
        <source>Try another search, or make a new protocol.</source>
        <translation>Essayez une autre recherche ou créez un nouveau programme.</translation>
    </message>
    <message>
        <source>{name} could not be loaded</source>
        <translation>Impossible de charger {name}</translation>
    </message>
    <message>
        <source>The other protocols are fine. Fix it in the editor (Fix…), in a text editor, or delete it.</source>
        <translation>Les autres programmes vont bien. Corrigez celui-ci dans l’éditeur (Corriger…), dans un éditeur de texte, ou supprimez-le.</translation>
    </message>
    <message>
        <source>Fix…</source>
        <translation>Corriger…</translation>
    </message>
    <message>
        <source>Fix the protocol in the editor</source>
        <translation>Corriger le programme dans l’éditeur</translation>
    </message>
    <message>
        <source>No description.</source>
        <translation>Pas de description.</translation>
    </message>
    <message>
        <source>Edit a copy</source>
        <translation>Modifier une copie</translation>
    </message>
    <message>
        <source>(to {target})</source>
        <translation>(jusqu’à {target})</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>Too long</source>
        <translation>Trop long</translation>
    </message>
    <message>
        <source>Too big for one workout: {why}.</source>
        <translation>Trop gros pour une séance : {why}.</translation>
    </message>
    <message>
        <source>{n} cues (at most {limit})</source>
        <translation>{n} annonces (au plus {limit})</translation>
    </message>
    <message numerus="yes">
        <source>{name} ({hold} s hold, %n rep(s))</source>
        <translation>
            <numerusform>{name} ({hold} s de maintien, %n répétition)</numerusform>
            <numerusform>{name} ({hold} s de maintien, %n répétitions)</numerusform>
        </translation>
    </message>
    <message>
        <source>Every other day</source>
        <translation>Un jour sur deux</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Tous les jours</translation>
    </message>
    <message>
        <source>Before a run</source>
        <translation>Avant la course</translation>
    </message>
    <message>
        <source>As needed</source>
        <translation>Au besoin</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more cue(s)</source>
        <translation>
            <numerusform>… et %n autre annonce</numerusform>
            <numerusform>… et %n autres annonces</numerusform>
        </translation>
    </message>
    <message>
        <source>a weight</source>
        <translation>une charge</translation>
    </message>
    <message>
        <source>{time} total</source>
        <translation>{time} au total</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Fourni</translation>
    </message>
    <message numerus="yes">
        <source>%n-week programme</source>
        <translation>
            <numerusform>Programme de %n semaine</numerusform>
            <numerusform>Programme de %n semaines</numerusform>
        </translation>
    </message>
    <message>
        <source>Equipment: {list}</source>
        <translation>Matériel : {list}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Changed for this run (each block of reps moves by as much).</source>
        <translation>Modifié pour cette séance (chaque bloc de répétitions change d’autant).</translation>
    </message>
    <message>
        <source>Changed for this run.</source>
        <translation>Modifié pour cette séance.</translation>
    </message>
    <message>
        <source>Change the hold or the reps for this run (each block of reps moves by as much).</source>
        <translation>Changez le maintien ou les répétitions pour cette séance (chaque bloc de répétitions change d’autant).</translation>
    </message>
    <message>
        <source>Change the hold or the reps for this run.</source>
        <translation>Changez le maintien ou les répétitions pour cette séance.</translation>
    </message>
    <message>
        <source>Change load</source>
        <translation>Changer la charge</translation>
    </message>
    <message>
        <source>Load amount</source>
        <translation>Valeur de la charge</translation>
    </message>
    <message>
        <source>Load unit</source>
        <translation>Unité de la charge</translation>
    </message>
    <message>
        <source>Bodyweight only</source>
        <translation>Poids du corps seulement</translation>
    </message>
    <message>
        <source>The set I just finished used this load too</source>
        <translation>La série que je viens de finir utilisait aussi cette charge</translation>
    </message>
    <message>
        <source>lift {s}</source>
        <translation>montée {s}</translation>
    </message>
    <message>
        <source>hold {s}</source>
        <translation>maintien {s}</translation>
    </message>
    <message>
        <source>lower {s}</source>
        <translation>descente {s}</translation>
    </message>
    <message>
        <source>pause {s}</source>
        <translation>pause {s}</translation>
    </message>
    <message>
        <source>Lift {s} s</source>
        <translation>Montée {s} s</translation>
    </message>
    <message>
        <source>hold {s} s at the top</source>
        <translation>maintien {s} s en haut</translation>
    </message>
    <message>
        <source>lower {s} s</source>
        <translation>descente {s} s</translation>
    </message>
    <message>
        <source>rest {s} s at the bottom</source>
        <translation>repos {s} s en bas</translation>
    </message>
    <message>
        <source>Exercise shown</source>
        <translation>Exercice montré</translation>
    </message>
    <message>
        <source>Tempo shown</source>
        <translation>Tempo montré</translation>
    </message>
    <message>
        <source>left side first</source>
        <translation>côté gauche d’abord</translation>
    </message>
    <message>
        <source>right side first</source>
        <translation>côté droit d’abord</translation>
    </message>
    <message>
        <source>Block {n} of {count}: pick a row of Blocks to see another.</source>
        <translation>Bloc {n} sur {count} : choisissez une ligne des blocs pour en voir un autre.</translation>
    </message>
    <message>
        <source>The workout moves the figure in step with the voice.</source>
        <translation>Pendant la séance, la silhouette bouge au rythme de la voix.</translation>
    </message>
    <message>
        <source>QR code of the phone remote&apos;s address</source>
        <translation>QR code de l’adresse de la télécommande</translation>
    </message>
    <message>
        <source>Phone remote</source>
        <translation>Télécommande sur téléphone</translation>
    </message>
    <message>
        <source>Scan with a phone on the same network</source>
        <translation>Scannez avec un téléphone sur le même réseau</translation>
    </message>
    <message>
        <source>Phone remote address</source>
        <translation>Adresse de la télécommande</translation>
    </message>
    <message>
        <source>Phones following</source>
        <translation>Téléphones connectés</translation>
    </message>
    <message>
        <source>Hide code</source>
        <translation>Masquer le code</translation>
    </message>
    <message>
        <source>Hide or show the QR code</source>
        <translation>Masquer ou afficher le QR code</translation>
    </message>
    <message>
        <source>1 phone follows</source>
        <translation>1 téléphone suit</translation>
    </message>
    <message numerus="yes">
        <source>%n phones follow</source>
        <translation>
            <numerusform>%n téléphone suit</numerusform>
            <numerusform>%n téléphones suivent</numerusform>
        </translation>
    </message>
    <message>
        <source>Show code</source>
        <translation>Afficher le code</translation>
    </message>
    <message>
        <source>Effort</source>
        <translation>Effort</translation>
    </message>
    <message>
        <source>No sets were completed · {time} in all</source>
        <translation>Aucune série terminée · {time} au total</translation>
    </message>
    <message>
        <source>{time} in all</source>
        <translation>{time} au total</translation>
    </message>
    <message>
        <source>{time} under tension</source>
        <translation>{time} sous tension</translation>
    </message>
    <message>
        <source>today</source>
        <translation>aujourd’hui</translation>
    </message>
    <message>
        <source>Next session {when}</source>
        <translation>Prochaine séance {when}</translation>
    </message>
    <message>
        <source>Workout complete</source>
        <translation>Séance terminée</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>Totaux</translation>
    </message>
    <message>
        <source>Completed sets</source>
        <translation>Séries terminées</translation>
    </message>
    <message>
        <source>Next time</source>
        <translation>La prochaine fois</translation>
    </message>
    <message>
        <source>Enter or Space: back to the Library</source>
        <translation>Entrée ou Espace : retour à la bibliothèque</translation>
    </message>
    <message>
        <source>Do it again</source>
        <translation>Recommencer</translation>
    </message>
    <message>
        <source>Workout stopped</source>
        <translation>Séance arrêtée</translation>
    </message>
    <message>
        <source>How was the last set?</source>
        <translation>Comment était la dernière série ?</translation>
    </message>
    <message>
        <source>no session bus (D-Bus)</source>
        <translation>pas de bus de session (D-Bus)</translation>
    </message>
    <message>
        <source>the session bus did not answer ({error})</source>
        <translation>le bus de session n’a pas répondu ({error})</translation>
    </message>
    <message>
        <source>the player&apos;s object could not be registered</source>
        <translation>impossible d’enregistrer l’objet du lecteur</translation>
    </message>
    <message>
        <source>no MPRIS name could be had on the session bus</source>
        <translation>aucun nom MPRIS disponible sur le bus de session</translation>
    </message>
</context>
</TS>
