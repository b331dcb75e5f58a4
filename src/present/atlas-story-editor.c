/* atlas-story-editor.c
 *
 * Copyright 2026 The Chongqing Science Atlas authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * This program is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 * GNU General Public License for more details.
 *
 * You should have received a copy of the GNU General Public License
 * along with this program.  If not, see <http://www.gnu.org/licenses/>.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-accessible.h"
#include "atlas-handout.h"
#include "atlas-slides.h"
#include "atlas-presentation.h"
#include "atlas-story-editor.h"
#include "atlas-story-player.h"
#include "atlas-toast.h"
#include "atlas-view.h"

/* The story editor: pick a story, add the main window's current view as a
 * step, reorder and delete steps, write captions in both languages and the
 * speaker's notes; import and export story files, write or print the
 * handout, and start presenting from the selected step.  Every edit is saved
 * to the user database at once.
 */

struct _AtlasStoryEditor
{
  AdwWindow        parent_instance;

  AtlasSession      *session;
  AdwViewStack      *pages;         /* weak: the main window's */
  AtlasPresentation *presentation;  /* weak: the main window's */
  AtlasStories      *stories;
  AtlasStory      *story;
  gboolean         loading;

  AdwToastOverlay *toasts;
  GtkDropDown     *story_dropdown;
  GtkListBox      *step_list;
  GtkEntry        *title_en_entry;
  GtkEntry        *title_zh_entry;
  GtkTextView     *caption_en_view;
  GtkTextView     *caption_zh_view;
  GtkTextView     *notes_view;
  GtkTextView     *notes_zh_view;
  GtkDropDown     *side_dropdown;
  GCancellable    *slides_cancellable;
  GtkCheckButton  *autoplay_check;
  GtkSpinButton   *dwell_spin;
  GtkCheckButton  *loop_check;
};

G_DEFINE_FINAL_TYPE (AtlasStoryEditor, atlas_story_editor, ADW_TYPE_WINDOW)

static void
toast (AtlasStoryEditor *self,
       const char       *message)
{
  adw_toast_overlay_add_toast (self->toasts, atlas_toast_new_plain (message));
}

static void
save (AtlasStoryEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (self->story != NULL && !atlas_session_save_story (self->session, self->story, &error))
    toast (self, error->message);
}

static int
selected_step (AtlasStoryEditor *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->step_list);

  return row != NULL ? gtk_list_box_row_get_index (row) : -1;
}

static AtlasStoryStep *
current_step (AtlasStoryEditor *self)
{
  int index = selected_step (self);

  return index >= 0 && self->story != NULL ? atlas_story_get_step (self->story, index) : NULL;
}

static char *
buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_buffer_text (GtkTextView *view,
                 const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text ? text : "", -1);
}

static GtkWidget *
create_step_row (gpointer item,
                 gpointer user_data)
{
  AtlasStoryEditor *self = user_data;
  AtlasStoryStep *step = item;
  GtkWidget *row = adw_action_row_new ();
  const char *view = atlas_story_step_get_view (step);
  GtkWidget *page = self->pages ? adw_view_stack_get_child_by_name (self->pages, view) : NULL;
  AdwViewStackPage *stack_page = page ? adw_view_stack_get_page (self->pages, page) : NULL;
  g_autofree char *missing = NULL;

  /* Captions are plain text, "R&D" included. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);

  /* The page's own title; a page this build lacks is said so. */
  if (stack_page != NULL)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), adw_view_stack_page_get_title (stack_page));
  else
    {
      /* Translators: a story step whose page this version lacks. */
      missing = g_strdup_printf (_("%s (not in this version)"), view);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), missing);
    }
  g_object_bind_property (step, "caption", row, "subtitle", G_BINDING_SYNC_CREATE);
  /* A click or Enter shows the step (on_step_activated). */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  return row;
}

static void
update_actions (AtlasStoryEditor *self)
{
  int index = selected_step (self);
  guint n = self->story ? atlas_story_get_n_steps (self->story) : 0;
  gboolean has_story = self->story != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-step", has_story);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.move-up", index > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.move-down", index >= 0 && (guint) index + 1 < n);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete-step", index >= 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.present", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.handout", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.print", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.slides", n > 0 && self->slides_cancellable == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.export", has_story);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete-story", has_story);

  gtk_widget_set_sensitive (GTK_WIDGET (self->caption_en_view), index >= 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->caption_zh_view), index >= 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->notes_view), index >= 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->notes_zh_view), index >= 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->side_dropdown), index >= 0);
}

static void
on_step_selected (AtlasStoryEditor *self)
{
  AtlasStoryStep *step = current_step (self);
  gboolean was_loading = self->loading;

  /* This runs inside show_story() too (rebinding the list changes the
   * selected row): it must leave the flag as it found it, or the title
   * entries' own updates are taken for edits — and an edit replaces the very
   * string the entry is being set from (the use-after-free of issue 12).
   */
  self->loading = TRUE;
  set_buffer_text (self->caption_en_view, step ? atlas_story_step_get_caption_en (step) : "");
  set_buffer_text (self->caption_zh_view, step ? atlas_story_step_get_caption_zh (step) : "");
  set_buffer_text (self->notes_view, step ? atlas_story_step_get_notes_en (step) : "");
  set_buffer_text (self->notes_zh_view, step ? atlas_story_step_get_notes_zh (step) : "");
  gtk_drop_down_set_selected (self->side_dropdown, step ? atlas_story_step_get_caption_side (step) : 0);
  self->loading = was_loading;
  update_actions (self);
}

/* Enter or a click on a step shows it in the main window, so that what is
 * edited is seen.  Moving through the list with the keys only selects: the
 * main window does not jump through every step on the way.
 */
static void
on_step_activated (AtlasStoryEditor *self,
                   GtkListBoxRow    *row)
{
  AtlasStoryStep *step;
  g_autoptr(GError) error = NULL;

  if (self->story == NULL || self->pages == NULL || atlas_session_get_presenting (self->session))
    return;
  step = atlas_story_get_step (self->story, gtk_list_box_row_get_index (row));
  if (step != NULL && !atlas_story_player_apply (self->session, self->pages, step, TRUE, &error))
    toast (self, error->message);
}

static void
on_side_selected (AtlasStoryEditor *self)
{
  AtlasStoryStep *step;
  guint side = gtk_drop_down_get_selected (self->side_dropdown);

  if (self->loading || (step = current_step (self)) == NULL || side >= ATLAS_N_CAPTION_SIDES ||
      side == atlas_story_step_get_caption_side (step))
    return;
  atlas_story_step_set_caption_side (step, side);
  save (self);
}

static void
select_row (AtlasStoryEditor *self,
            int               index)
{
  GtkListBoxRow *row = index >= 0 ? gtk_list_box_get_row_at_index (self->step_list, index) : NULL;

  gtk_list_box_select_row (self->step_list, row);
}

static void
show_story (AtlasStoryEditor *self,
            AtlasStory       *story)
{
  g_autofree char *title_en = NULL;
  g_autofree char *title_zh = NULL;

  if (!g_set_object (&self->story, story))
    return;

  /* Copies: the entries are set from them while the story may change. */
  title_en = g_strdup (story ? atlas_story_get_title_en (story) : "");
  title_zh = g_strdup (story ? atlas_story_get_title_zh (story) : "");

  self->loading = TRUE;
  gtk_list_box_bind_model (self->step_list, story ? atlas_story_get_steps (story) : NULL,
                           create_step_row, self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->title_en_entry), title_en);
  gtk_editable_set_text (GTK_EDITABLE (self->title_zh_entry), title_zh);
  self->loading = FALSE;
  on_step_selected (self);
}

static void
on_story_dropdown_changed (AtlasStoryEditor *self)
{
  show_story (self, gtk_drop_down_get_selected_item (self->story_dropdown));
}

static void
on_title_changed (AtlasStoryEditor *self)
{
  if (self->loading || self->story == NULL)
    return;
  atlas_story_set_title_en (self->story, gtk_editable_get_text (GTK_EDITABLE (self->title_en_entry)));
  atlas_story_set_title_zh (self->story, gtk_editable_get_text (GTK_EDITABLE (self->title_zh_entry)));
  save (self);
}

static void
on_text_changed (AtlasStoryEditor *self)
{
  AtlasStoryStep *step;
  g_autofree char *en = NULL, *zh = NULL, *notes = NULL, *notes_zh = NULL;

  if (self->loading || (step = current_step (self)) == NULL)
    return;
  en = buffer_text (self->caption_en_view);
  zh = buffer_text (self->caption_zh_view);
  notes = buffer_text (self->notes_view);
  notes_zh = buffer_text (self->notes_zh_view);
  atlas_story_step_set_caption_en (step, en);
  atlas_story_step_set_caption_zh (step, zh);
  atlas_story_step_set_notes (step, notes);
  atlas_story_step_set_notes_zh (step, notes_zh);
  save (self);
}

static void
on_autoplay_changed (AtlasStoryEditor *self)
{
  if (self->presentation == NULL)
    return;
  atlas_presentation_set_autoplay (self->presentation,
                                   gtk_check_button_get_active (self->autoplay_check),
                                   gtk_spin_button_get_value_as_int (self->dwell_spin),
                                   gtk_check_button_get_active (self->loop_check));
}

static void
setup_title (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
  gtk_list_item_set_child (item, label);
}

static void
bind_title (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  AtlasStory *story = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_text (GTK_LABEL (label), atlas_story_get_title (story));
  gtk_widget_set_tooltip_text (label, atlas_story_get_title (story));
  atlas_accessible_label_list_item (item, atlas_story_get_title (story));
}

/* ---- actions ---------------------------------------------------------- */

static void
add_step_activated (GtkWidget  *widget,
                    const char *name,
                    GVariant   *parameter)
{
  AtlasStoryEditor *self = ATLAS_STORY_EDITOR (widget);
  g_autoptr(AtlasStoryStep) step = NULL;
  int index = selected_step (self);
  guint position;

  if (self->story == NULL || self->pages == NULL)
    return;
  step = atlas_story_player_capture (self->session, self->pages);
  position = index >= 0 ? (guint) index + 1 : atlas_story_get_n_steps (self->story);
  atlas_story_insert_step (self->story, position, step);
  save (self);
  select_row (self, position);
}

static void
move_step (AtlasStoryEditor *self,
           int               delta)
{
  int index = selected_step (self);

  if (self->story == NULL || index < 0)
    return;
  atlas_story_move_step (self->story, index, index + delta);
  save (self);
  select_row (self, index + delta);
}

static void
move_up_activated (GtkWidget  *widget,
                   const char *name,
                   GVariant   *parameter)
{
  move_step (ATLAS_STORY_EDITOR (widget), -1);
}

static void
move_down_activated (GtkWidget  *widget,
                     const char *name,
                     GVariant   *parameter)
{
  move_step (ATLAS_STORY_EDITOR (widget), +1);
}

static void
delete_step_activated (GtkWidget  *widget,
                       const char *name,
                       GVariant   *parameter)
{
  AtlasStoryEditor *self = ATLAS_STORY_EDITOR (widget);
  int index = selected_step (self);
  guint n;

  if (self->story == NULL || index < 0)
    return;
  atlas_story_remove_step (self->story, index);
  save (self);
  n = atlas_story_get_n_steps (self->story);
  select_row (self, n == 0 ? -1 : (int) MIN ((guint) index, n - 1));
}

static void
new_story_activated (GtkWidget  *widget,
                     const char *name,
                     GVariant   *parameter)
{
  AtlasStoryEditor *self = ATLAS_STORY_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  AtlasStory *story;

  story = atlas_session_create_story (self->session, "新故事", _("New Story"), &error);
  if (story == NULL)
    toast (self, error->message);
  else
    atlas_story_editor_select (self, story, 0);
}

static void
delete_story_activated (GtkWidget  *widget,
                        const char *name,
                        GVariant   *parameter)
{
  AtlasStoryEditor *self = ATLAS_STORY_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStory) story = self->story ? g_object_ref (self->story) : NULL;

  if (story == NULL)
    return;
  if (!atlas_session_remove_story (self->session, story, &error))
    toast (self, error->message);
  else
    toast (self, atlas_story_get_bundled (story) ? _("The story is back as it shipped")
                                                 : _("Story deleted"));
}

static void
present_activated (GtkWidget  *widget,
                   const char *name,
                   GVariant   *parameter)
{
  AtlasStoryEditor *self = ATLAS_STORY_EDITOR (widget);
  int index = selected_step (self);

  if (self->presentation == NULL || self->story == NULL)
    return;
  on_autoplay_changed (self);
  if (atlas_presentation_start (self->presentation, self->story, MAX (index, 0)))
    gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

/* ---- slides ----------------------------------------------------------- */

typedef struct
{
  AtlasStoryEditor *self;
  GFile            *folder;
  char             *basename;
  guint             n;
  AdwToast         *progress;
} SlidesJob;

static void
slides_job_free (SlidesJob *job)
{
  g_clear_object (&job->self);
  g_clear_object (&job->folder);
  g_clear_object (&job->progress);
  g_free (job->basename);
  g_free (job);
}

static void
on_slides_progress (goffset  done,
                    goffset  total,
                    gpointer user_data)
{
  SlidesJob *job = user_data;
  /* Translators: progress of Export Slides, "Writing slide 3 of 9…". */
  g_autofree char *text = g_strdup_printf (_("Writing slide %u of %u…"), (guint) done, (guint) total);

  adw_toast_set_title (job->progress, text);
}

static void
on_slides_written (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  SlidesJob *job = user_data;
  AtlasStoryEditor *self = job->self;
  g_autoptr(GError) error = NULL;

  adw_toast_dismiss (job->progress);
  g_clear_object (&self->slides_cancellable);
  update_actions (self);
  if (atlas_slides_write_finish (result, &error))
    {
      g_autofree char *where = g_file_get_parse_name (job->folder);
      /* Translators: after Export Slides: "9 slides (story-01.png…) and story.pdf written to FOLDER". */
      g_autofree char *message = g_strdup_printf (_("%u slides (%s-01.png…) and %s.pdf written to %s"),
                                                  job->n, job->basename, job->basename, where);

      toast (self, message);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    toast (self, error->message);
  slides_job_free (job);
}

/* The pictures are drawn here, where the pages live; the files are written
 * in a thread, with the progress in a toast.
 */
static void
export_slides (AtlasStoryEditor *self,
               GFile            *folder)
{
  g_autoptr(GPtrArray) nodes = NULL;
  SlidesJob *job;

  if (self->slides_cancellable != NULL)
    return;
  nodes = atlas_slides_render_story (self->session, self->pages, self->story,
                                     adw_style_manager_get_dark (adw_style_manager_get_default ()));
  job = g_new0 (SlidesJob, 1);
  job->self = g_object_ref (self);
  job->folder = g_object_ref (folder);
  job->basename = atlas_slides_dup_basename (self->story);
  job->n = nodes->len;
  job->progress = g_object_ref (adw_toast_new (_("Writing slides…")));
  adw_toast_set_timeout (job->progress, 0);
  adw_toast_overlay_add_toast (self->toasts, job->progress);
  self->slides_cancellable = g_cancellable_new ();
  update_actions (self);
  atlas_slides_write_async (nodes, folder, job->basename, self->slides_cancellable,
                            on_slides_progress, job, on_slides_written, job);
}

static GtkFileChooserNative *
file_chooser (AtlasStoryEditor     *self,
              const char           *title,
              GtkFileChooserAction  action,
              const char           *pattern,
              const char           *suggested)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, NULL, NULL);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_filter_set_name (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (suggested != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  return chooser;
}

static void
on_file_response (GtkNativeDialog  *dialog,
                  int               response,
                  AtlasStoryEditor *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  const char *what = g_object_get_data (G_OBJECT (dialog), "what");

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

  if (file != NULL && g_str_equal (what, "import"))
    {
      AtlasStory *story = atlas_session_import_story (self->session, file, &error);

      if (story != NULL)
        atlas_story_editor_select (self, story, 0);
    }
  else if (file != NULL && g_str_equal (what, "export") && self->story != NULL)
    {
      if (atlas_stories_export (self->stories, self->story, file, &error))
        toast (self, _("Story exported"));
    }
  else if (file != NULL && g_str_equal (what, "handout") && self->story != NULL && self->pages != NULL)
    {
      g_autoptr(GFile) pdf = atlas_handout_dup_file_with_extension (file, ".pdf");

      if (atlas_handout_write_pdf (self->session, self->pages, self->story, pdf, &error))
        {
          g_autofree char *where = g_file_get_parse_name (pdf);
          /* Translators: %s is the file the handout went to. */
          g_autofree char *message = g_strdup_printf (_("Handout written to %s"), where);

          toast (self, message);
        }
    }
  else if (file != NULL && g_str_equal (what, "slides") && self->story != NULL && self->pages != NULL)
    export_slides (self, file);

  if (error != NULL)
    toast (self, error->message);
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
file_activated (GtkWidget  *widget,
                const char *name,
                GVariant   *parameter)
{
  AtlasStoryEditor *self = ATLAS_STORY_EDITOR (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *suggested = NULL;

  if (g_str_equal (name, "editor.import"))
    {
      chooser = file_chooser (self, _("Import Story"), GTK_FILE_CHOOSER_ACTION_OPEN, "*.json", NULL);
      g_object_set_data (G_OBJECT (chooser), "what", (gpointer) "import");
    }
  else if (g_str_equal (name, "editor.export"))
    {
      suggested = g_strconcat (self->story ? atlas_story_get_id (self->story) : "story", ".json", NULL);
      chooser = file_chooser (self, _("Export Story"), GTK_FILE_CHOOSER_ACTION_SAVE, "*.json", suggested);
      g_object_set_data (G_OBJECT (chooser), "what", (gpointer) "export");
    }
  else if (g_str_equal (name, "editor.slides"))
    {
      chooser = gtk_file_chooser_native_new (_("Export Slides to Folder"), GTK_WINDOW (self),
                                             GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Export"), NULL);
      gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
      g_object_set_data (G_OBJECT (chooser), "what", (gpointer) "slides");
    }
  else
    {
      suggested = g_strconcat (self->story ? atlas_story_get_id (self->story) : "story", ".pdf", NULL);
      chooser = file_chooser (self, _("Save Handout"), GTK_FILE_CHOOSER_ACTION_SAVE, "*.pdf", suggested);
      g_object_set_data (G_OBJECT (chooser), "what", (gpointer) "handout");
    }

  g_signal_connect_object (chooser, "response", G_CALLBACK (on_file_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
print_activated (GtkWidget  *widget,
                 const char *name,
                 GVariant   *parameter)
{
  AtlasStoryEditor *self = ATLAS_STORY_EDITOR (widget);

  g_autoptr(GError) error = NULL;

  if (self->pages != NULL && self->story != NULL &&
      !atlas_handout_print (self->session, self->pages, self->story, GTK_WINDOW (self), &error))
    toast (self, error->message);
}

/* ---- GObject ---------------------------------------------------------- */

static void
atlas_story_editor_dispose (GObject *object)
{
  AtlasStoryEditor *self = (AtlasStoryEditor *)object;

  if (self->step_list != NULL)
    g_signal_handlers_disconnect_by_data (self->step_list, self);
  if (self->slides_cancellable != NULL)
    g_cancellable_cancel (self->slides_cancellable);
  g_clear_object (&self->story);
  g_clear_object (&self->stories);
  g_clear_object (&self->session);
  g_clear_weak_pointer (&self->pages);
  g_clear_weak_pointer (&self->presentation);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_STORY_EDITOR);

  G_OBJECT_CLASS (atlas_story_editor_parent_class)->dispose (object);
}

static void
atlas_story_editor_class_init (AtlasStoryEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_story_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/atlas-story-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasStoryEditor, toasts);
  gtk_widget_class_bind_template_child (widget_class, AtlasStoryEditor, story_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AtlasStoryEditor, step_list);
  gtk_widget_class_bind_template_child (widget_class, AtlasStoryEditor, title_en_entry);
  gtk_widget_class_bind_template_child (widget_class, AtlasStoryEditor, title_zh_entry);
  gtk_widget_class_bind_template_child (widget_class, AtlasStoryEditor, caption_en_view);
  gtk_widget_class_bind_template_child (widget_class, AtlasStoryEditor, caption_zh_view);
  gtk_widget_class_bind_template_child (widget_class, AtlasStoryEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, AtlasStoryEditor, notes_zh_view);
  gtk_widget_class_bind_template_child (widget_class, AtlasStoryEditor, side_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AtlasStoryEditor, autoplay_check);
  gtk_widget_class_bind_template_child (widget_class, AtlasStoryEditor, dwell_spin);
  gtk_widget_class_bind_template_child (widget_class, AtlasStoryEditor, loop_check);

  gtk_widget_class_install_action (widget_class, "editor.add-step", NULL, add_step_activated);
  gtk_widget_class_install_action (widget_class, "editor.move-up", NULL, move_up_activated);
  gtk_widget_class_install_action (widget_class, "editor.move-down", NULL, move_down_activated);
  gtk_widget_class_install_action (widget_class, "editor.delete-step", NULL, delete_step_activated);
  gtk_widget_class_install_action (widget_class, "editor.new-story", NULL, new_story_activated);
  gtk_widget_class_install_action (widget_class, "editor.delete-story", NULL, delete_story_activated);
  gtk_widget_class_install_action (widget_class, "editor.present", NULL, present_activated);
  gtk_widget_class_install_action (widget_class, "editor.import", NULL, file_activated);
  gtk_widget_class_install_action (widget_class, "editor.export", NULL, file_activated);
  gtk_widget_class_install_action (widget_class, "editor.handout", NULL, file_activated);
  gtk_widget_class_install_action (widget_class, "editor.print", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "editor.slides", NULL, file_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
atlas_story_editor_init (AtlasStoryEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->step_list, "selected-rows-changed",
                           G_CALLBACK (on_step_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->title_en_entry, "changed", G_CALLBACK (on_title_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->title_zh_entry, "changed", G_CALLBACK (on_title_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->caption_en_view), "changed",
                           G_CALLBACK (on_text_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->caption_zh_view), "changed",
                           G_CALLBACK (on_text_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (on_text_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_zh_view), "changed",
                           G_CALLBACK (on_text_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->step_list, "row-activated",
                           G_CALLBACK (on_step_activated), self, G_CONNECT_SWAPPED);
  {
    g_autoptr(GtkStringList) sides = gtk_string_list_new (NULL);
    g_autoptr(GtkListItemFactory) factory = atlas_accessible_label_factory_new (NULL);

    for (guint i = 0; i < ATLAS_N_CAPTION_SIDES; i++)
      gtk_string_list_append (sides, atlas_caption_side_get_label (i));
    gtk_drop_down_set_factory (self->side_dropdown, factory);
    gtk_drop_down_set_model (self->side_dropdown, G_LIST_MODEL (sides));
    atlas_accessible_name_drop_down (self->side_dropdown, _("Caption _Place"));
  }
  g_signal_connect_object (self->side_dropdown, "notify::selected",
                           G_CALLBACK (on_side_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->autoplay_check, "toggled", G_CALLBACK (on_autoplay_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->loop_check, "toggled", G_CALLBACK (on_autoplay_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->dwell_spin, "value-changed", G_CALLBACK (on_autoplay_changed), self, G_CONNECT_SWAPPED);
}

/**
 * atlas_story_editor_new:
 * @parent: the main window, which the editor stays in front of
 * @pages: the main window's pages, where steps are shown and captured
 * @presentation: the main window's presentation mode
 * @settings: (nullable): where autoplay is kept
 */
AtlasStoryEditor *
atlas_story_editor_new (GtkWindow         *parent,
                        AtlasSession      *session,
                        AdwViewStack      *pages,
                        AtlasPresentation *presentation,
                        GSettings         *settings)
{
  AtlasStoryEditor *self;
  g_autoptr(GtkExpression) title = NULL;
  AtlasStories *stories;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ATLAS_IS_SESSION (session), NULL);
  g_return_val_if_fail (ADW_IS_VIEW_STACK (pages), NULL);
  g_return_val_if_fail (ATLAS_IS_PRESENTATION (presentation), NULL);

  self = g_object_new (ATLAS_TYPE_STORY_EDITOR,
                       "transient-for", parent,
                       "application", gtk_window_get_application (parent),
                       NULL);
  self->session = g_object_ref (session);
  g_set_weak_pointer (&self->pages, pages);
  g_set_weak_pointer (&self->presentation, presentation);
  stories = atlas_session_get_stories (session);
  self->stories = g_object_ref (stories);

  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  title = gtk_property_expression_new (ATLAS_TYPE_STORY, NULL, "title");
  gtk_drop_down_set_expression (self->story_dropdown, title);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_title), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_title), NULL);
  gtk_drop_down_set_factory (self->story_dropdown, factory);
  gtk_drop_down_set_model (self->story_dropdown, G_LIST_MODEL (stories));
  g_signal_connect_object (self->story_dropdown, "notify::selected-item",
                           G_CALLBACK (on_story_dropdown_changed), self, G_CONNECT_SWAPPED);
  on_story_dropdown_changed (self);

  /* What screen readers hear (atlas-accessible.c). */
  atlas_accessible_name_drop_down (self->story_dropdown, _("Story"));
  atlas_accessible_fix_names (GTK_WIDGET (self));

  /* Autoplay is kept in the settings; without them it lasts the session. */
  if (settings != NULL)
    {
      g_settings_bind (settings, "presentation-autoplay", self->autoplay_check, "active",
                       G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "presentation-loop", self->loop_check, "active",
                       G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "presentation-dwell",
                       gtk_spin_button_get_adjustment (self->dwell_spin), "value",
                       G_SETTINGS_BIND_DEFAULT);
    }
  return self;
}

/**
 * atlas_story_editor_get_story:
 * @step: (out) (optional): the selected step, or 0
 *
 * Returns: (transfer none) (nullable): the story being edited
 */
AtlasStory *
atlas_story_editor_get_story (AtlasStoryEditor *self,
                              guint            *step)
{
  g_return_val_if_fail (ATLAS_IS_STORY_EDITOR (self), NULL);

  if (step != NULL)
    *step = MAX (selected_step (self), 0);
  return self->story;
}

void
atlas_story_editor_select (AtlasStoryEditor *self,
                           AtlasStory       *story,
                           guint             step)
{
  guint position;

  g_return_if_fail (ATLAS_IS_STORY_EDITOR (self));

  for (position = 0; position < g_list_model_get_n_items (G_LIST_MODEL (self->stories)); position++)
    {
      g_autoptr(AtlasStory) candidate = g_list_model_get_item (G_LIST_MODEL (self->stories), position);

      if (candidate == story)
        {
          gtk_drop_down_set_selected (self->story_dropdown, position);
          break;
        }
    }
  show_story (self, story);
  if (story != NULL && step < atlas_story_get_n_steps (story))
    select_row (self, step);
}
