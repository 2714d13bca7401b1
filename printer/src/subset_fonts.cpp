// SubsetFonts: hb-subset cuts the glyphs laid out so far from a big CFF font; FreeType opens the
// subset from memory and cairo embeds from it. The runs are drawn as pango_cairo_show_layout()
// would (same positions, same text clusters), with the subset glyph ids.
#include "subset_fonts.hpp"

#include <cairo-ft.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb-subset.h>
#include <hb.h>

#include <algorithm>
#include <mutex>
#include <unordered_map>

namespace kakanai::printer::detail {
namespace {

// Past this many glyphs a rebuild keeps only the glyphs laid out since the last one: the
// cost of a rebuild grows with the glyphs it keeps (about 1 ms + 10 µs per glyph), and a kiosk
// running for weeks must not grow its subset towards the whole font.
constexpr unsigned MAX_GLYPHS = 600;

constexpr hb_tag_t CFF_TAG = HB_TAG('C', 'F', 'F', ' ');

// The tables cairo reads to embed a CFF font. hb-subset is given a face of only these (no
// cmap, GSUB, GPOS: parsing them was most of its time); cairo gets the text from the clusters.
constexpr hb_tag_t KEPT_TABLES[] = {
    CFF_TAG,
    HB_TAG('h', 'e', 'a', 'd'),
    HB_TAG('h', 'h', 'e', 'a'),
    HB_TAG('h', 'm', 't', 'x'),
    HB_TAG('m', 'a', 'x', 'p'),
    HB_TAG('n', 'a', 'm', 'e'),
    HB_TAG('O', 'S', '/', '2'),
    HB_TAG('p', 'o', 's', 't'),
};

hb_blob_t* keptTable(hb_face_t*, hb_tag_t tag, void* original)
{
    if (std::find(std::begin(KEPT_TABLES), std::end(KEPT_TABLES), tag) == std::end(KEPT_TABLES)) {
        return nullptr;
    }
    return hb_face_reference_table(static_cast<hb_face_t*>(original), tag);
}

void destroyFace(void* face)
{
    hb_face_destroy(static_cast<hb_face_t*>(face));
}

struct SetDestroy
{
    void operator()(hb_set_t* set) const { hb_set_destroy(set); }
};
using SetPtr = std::unique_ptr<hb_set_t, SetDestroy>;

bool isDrawnGlyph(PangoGlyph glyph)
{
    return glyph != PANGO_GLYPH_EMPTY && (glyph & PANGO_GLYPH_UNKNOWN_FLAG) == 0;
}

} // namespace

// FreeType is not thread-safe per library: faces are made here and freed by cairo whenever it
// drops a font face, possibly from its font cache on another thread, hence the mutex.
struct SubsetFonts::Library
{
    FT_Library library = nullptr;
    std::mutex mutex;

    Library() { FT_Init_FreeType(&library); }
    ~Library()
    {
        if (library) {
            FT_Done_FreeType(library);
        }
    }
};

namespace {

// What a cairo font face owns: the FreeType face and the subset's bytes it reads from.
struct FaceOwner
{
    std::shared_ptr<SubsetFonts::Library> library;
    hb_blob_t* blob = nullptr;
    FT_Face face = nullptr;
};

const cairo_user_data_key_t FACE_OWNER_KEY {};

void destroyFaceOwner(void* data)
{
    auto* owner = static_cast<FaceOwner*>(data);
    {
        std::lock_guard lock(owner->library->mutex);
        FT_Done_Face(owner->face);
    }
    hb_blob_destroy(owner->blob);
    delete owner;
}

} // namespace

struct SubsetFonts::Source
{
    hb_face_t* face = nullptr; // pango's face (referenced), the key
    hb_face_t* tables = nullptr; // its KEPT_TABLES only, for hb-subset
    bool usable = false; // a CFF font hb-subset can cut
    SetPtr recent { hb_set_create() }; // glyphs laid out since the last rebuild
    bool stale = false; // recent has glyphs the subset lacks: rebuild before drawing
    SetPtr retained { hb_set_create() }; // glyphs of the current subset
    std::unordered_map<hb_codepoint_t, hb_codepoint_t> newGlyph; // original id → subset id
    cairo_font_face_t* cairoFace = nullptr;
    struct Scaled
    {
        cairo_matrix_t font;
        cairo_matrix_t ctm;
        cairo_scaled_font_t* scaled;
    };
    std::vector<Scaled> scaled;

    ~Source()
    {
        dropFont();
        hb_face_destroy(tables);
        hb_face_destroy(face);
    }

    void dropFont()
    {
        for (const Scaled& entry : scaled) {
            cairo_scaled_font_destroy(entry.scaled);
        }
        scaled.clear();
        if (cairoFace) {
            cairo_font_face_destroy(cairoFace);
            cairoFace = nullptr;
        }
        newGlyph.clear();
    }

    bool has(const PangoGlyphString* glyphs) const
    {
        for (int i = 0; i < glyphs->num_glyphs; ++i) {
            const PangoGlyph glyph = glyphs->glyphs[i].glyph;
            if (isDrawnGlyph(glyph) && newGlyph.count(glyph) == 0) {
                return false;
            }
        }
        return cairoFace != nullptr;
    }

    // Builds a subset of the glyphs retained and those laid out since (only of those past
    // MAX_GLYPHS); false (and no font) if hb-subset or FreeType fail.
    bool rebuild(const std::shared_ptr<Library>& library)
    {
        dropFont();
        hb_set_union(retained.get(), recent.get());
        if (hb_set_get_population(retained.get()) > MAX_GLYPHS) {
            hb_set_set(retained.get(), recent.get());
        }
        hb_set_clear(recent.get());
        stale = false;
        hb_subset_input_t* input = hb_subset_input_create_or_fail();
        if (!input) {
            return false;
        }
        hb_set_union(hb_subset_input_glyph_set(input), retained.get());
        hb_set_clear(hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG));
        // Plain charstrings: quicker to cut than subroutines, and cairo copies them as they are.
        hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_DESUBROUTINIZE);
        hb_subset_plan_t* plan = hb_subset_plan_create_or_fail(tables, input);
        hb_subset_input_destroy(input);
        if (!plan) {
            return false;
        }
        hb_face_t* subset = hb_subset_plan_execute_or_fail(plan);
        const hb_map_t* mapping = hb_subset_plan_old_to_new_glyph_mapping(plan);
        hb_codepoint_t oldGlyph = HB_SET_VALUE_INVALID;
        while (subset && hb_set_next(retained.get(), &oldGlyph)) {
            const hb_codepoint_t newId = hb_map_get(mapping, oldGlyph);
            if (newId != HB_MAP_VALUE_INVALID) {
                newGlyph.emplace(oldGlyph, newId);
            }
        }
        hb_subset_plan_destroy(plan);
        if (!subset) {
            return false;
        }
        auto owner = std::make_unique<FaceOwner>();
        owner->library = library;
        owner->blob = hb_face_reference_blob(subset);
        hb_face_destroy(subset);
        unsigned length = 0;
        const char* data = hb_blob_get_data(owner->blob, &length);
        FT_Error error = 0;
        {
            std::lock_guard lock(library->mutex);
            error = FT_New_Memory_Face(library->library, reinterpret_cast<const FT_Byte*>(data),
                static_cast<FT_Long>(length), 0, &owner->face);
        }
        if (error != 0 || length == 0) {
            hb_blob_destroy(owner->blob);
            newGlyph.clear();
            return false;
        }
        cairoFace = cairo_ft_font_face_create_for_ft_face(owner->face, 0);
        if (cairo_font_face_set_user_data(cairoFace, &FACE_OWNER_KEY, owner.get(), destroyFaceOwner)
            != CAIRO_STATUS_SUCCESS) {
            cairo_font_face_destroy(cairoFace);
            cairoFace = nullptr;
            destroyFaceOwner(owner.release());
            newGlyph.clear();
            return false;
        }
        owner.release(); // cairo frees it with the font face
        return true;
    }

    // The subset font at the size, transformation and options of pango's font.
    cairo_scaled_font_t* scaledLike(cairo_scaled_font_t* original)
    {
        cairo_matrix_t font;
        cairo_matrix_t ctm;
        cairo_scaled_font_get_font_matrix(original, &font);
        cairo_scaled_font_get_ctm(original, &ctm);
        const auto same = [](const cairo_matrix_t& a, const cairo_matrix_t& b) {
            return a.xx == b.xx && a.yx == b.yx && a.xy == b.xy && a.yy == b.yy && a.x0 == b.x0
                && a.y0 == b.y0;
        };
        for (const Scaled& entry : scaled) {
            if (same(entry.font, font) && same(entry.ctm, ctm)) {
                return entry.scaled;
            }
        }
        cairo_font_options_t* options = cairo_font_options_create();
        cairo_scaled_font_get_font_options(original, options);
        cairo_scaled_font_t* made = cairo_scaled_font_create(cairoFace, &font, &ctm, options);
        cairo_font_options_destroy(options);
        if (cairo_scaled_font_status(made) != CAIRO_STATUS_SUCCESS) {
            cairo_scaled_font_destroy(made);
            return nullptr;
        }
        scaled.push_back(Scaled { font, ctm, made });
        return made;
    }
};

SubsetFonts::SubsetFonts()
    : m_library(std::make_shared<Library>())
{
}

SubsetFonts::~SubsetFonts() = default;

SubsetFonts::Source* SubsetFonts::sourceOf(PangoFont* font)
{
    if (!font || !m_library->library) {
        return nullptr;
    }
    hb_font_t* hbFont = pango_font_get_hb_font(font);
    if (!hbFont) {
        return nullptr;
    }
    hb_face_t* face = hb_font_get_face(hbFont);
    for (const auto& source : m_sources) {
        if (source->face == face) {
            return source->usable ? source.get() : nullptr;
        }
    }
    auto source = std::make_unique<Source>();
    source->face = hb_face_reference(face);
    source->tables = hb_face_create_for_tables(keptTable, hb_face_reference(face), destroyFace);
    hb_blob_t* cff = hb_face_reference_table(face, CFF_TAG);
    source->usable = hb_blob_get_length(cff) > 0;
    hb_blob_destroy(cff);
    m_sources.push_back(std::move(source));
    return m_sources.back()->usable ? m_sources.back().get() : nullptr;
}

void SubsetFonts::want(PangoLayout* layout)
{
    PangoLayoutIter* iter = pango_layout_get_iter(layout);
    do {
        PangoLayoutRun* run = pango_layout_iter_get_run_readonly(iter);
        if (!run) {
            continue;
        }
        Source* source = sourceOf(run->item->analysis.font);
        if (!source) {
            continue;
        }
        for (int i = 0; i < run->glyphs->num_glyphs; ++i) {
            const PangoGlyph glyph = run->glyphs->glyphs[i].glyph;
            if (isDrawnGlyph(glyph)) {
                hb_set_add(source->recent.get(), glyph);
                source->stale = source->stale || source->newGlyph.count(glyph) == 0;
            }
        }
    } while (pango_layout_iter_next_run(iter));
    pango_layout_iter_free(iter);
}

// As pango_renderer_draw_layout(): each line at its logical x and baseline, runs one after the
// other by their advance widths.
void SubsetFonts::show(cairo_t* cr, PangoLayout* layout)
{
    double originX = 0;
    double originY = 0;
    cairo_get_current_point(cr, &originX, &originY);
    const char* text = pango_layout_get_text(layout);
    PangoLayoutIter* iter = pango_layout_get_iter(layout);
    do {
        PangoLayoutLine* line = pango_layout_iter_get_line_readonly(iter);
        PangoRectangle logical {};
        pango_layout_iter_get_line_extents(iter, nullptr, &logical);
        const int baseline = pango_layout_iter_get_baseline(iter);
        int x = logical.x;
        for (GSList* item = line->runs; item; item = item->next) {
            auto* run = static_cast<PangoGlyphItem*>(item->data);
            x += run->start_x_offset;
            const double runX = originX + static_cast<double>(x) / PANGO_SCALE;
            const double runY
                = originY + static_cast<double>(baseline - run->y_offset) / PANGO_SCALE;
            if (!showRun(cr, text, run, runX, runY)) {
                cairo_move_to(cr, runX, runY);
                pango_cairo_show_glyph_item(cr, text, run);
            }
            x += pango_glyph_string_get_width(run->glyphs) + run->end_x_offset;
        }
    } while (pango_layout_iter_next_line(iter));
    pango_layout_iter_free(iter);
    cairo_move_to(cr, originX, originY);
}

// As pango_cairo_renderer_draw_glyph_item(); false if the run is left to pango.
bool SubsetFonts::showRun(cairo_t* cr, const char* text, PangoGlyphItem* run, double x, double y)
{
    PangoItem* item = run->item;
    PangoGlyphString* glyphs = run->glyphs;
    if ((item->analysis.flags & PANGO_ANALYSIS_FLAG_CENTERED_BASELINE) != 0) {
        return false;
    }
    for (GSList* extra = item->analysis.extra_attrs; extra; extra = extra->next) {
        if (static_cast<PangoAttribute*>(extra->data)->klass->type == PANGO_ATTR_SHAPE) {
            return false;
        }
    }
    for (int i = 0; i < glyphs->num_glyphs; ++i) {
        if ((glyphs->glyphs[i].glyph & PANGO_GLYPH_UNKNOWN_FLAG) != 0
            && glyphs->glyphs[i].glyph != PANGO_GLYPH_EMPTY) {
            return false; // pango draws the hex box
        }
    }
    Source* source = sourceOf(item->analysis.font);
    if (!source || !PANGO_IS_CAIRO_FONT(item->analysis.font)) {
        return false;
    }
    // All of a document's text boxes are laid out before it is drawn, so one rebuild at its
    // first run gives one subset font (one embedded font) for the whole document.
    if (source->stale || !source->has(glyphs)) {
        for (int i = 0; i < glyphs->num_glyphs; ++i) {
            if (isDrawnGlyph(glyphs->glyphs[i].glyph)) {
                hb_set_add(source->recent.get(), glyphs->glyphs[i].glyph);
            }
        }
        ++m_rebuilds;
        if (!source->rebuild(m_library)) {
            source->usable = false;
            return false;
        }
    }
    cairo_scaled_font_t* original
        = pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(item->analysis.font));
    cairo_scaled_font_t* scaled = original ? source->scaledLike(original) : nullptr;
    if (!scaled) {
        return false;
    }

    std::vector<cairo_glyph_t> drawn;
    drawn.reserve(static_cast<std::size_t>(glyphs->num_glyphs));
    int position = 0;
    for (int i = 0; i < glyphs->num_glyphs; ++i) {
        const PangoGlyphInfo& info = glyphs->glyphs[i];
        if (info.glyph != PANGO_GLYPH_EMPTY) {
            const double cx
                = x + static_cast<double>(position + info.geometry.x_offset) / PANGO_SCALE;
            const double cy = info.geometry.y_offset == 0
                ? y
                : y + static_cast<double>(info.geometry.y_offset) / PANGO_SCALE;
            drawn.push_back(cairo_glyph_t { source->newGlyph.at(info.glyph), cx, cy });
        }
        position += info.geometry.width;
    }

    const bool backward = (item->analysis.level & 1) != 0;
    std::vector<cairo_text_cluster_t> clusters;
    PangoGlyphItemIter cluster {};
    if (pango_glyph_item_iter_init_start(&cluster, run, text)) {
        do {
            int count = backward ? cluster.start_glyph - cluster.end_glyph
                                 : cluster.end_glyph - cluster.start_glyph;
            for (int i = std::min(cluster.start_glyph, cluster.end_glyph + 1);
                 i < std::max(cluster.start_glyph + 1, cluster.end_glyph); ++i) {
                if (glyphs->glyphs[i].glyph == PANGO_GLYPH_EMPTY) {
                    --count;
                }
            }
            clusters.push_back(
                cairo_text_cluster_t { cluster.end_index - cluster.start_index, count });
        } while (pango_glyph_item_iter_next_cluster(&cluster));
    }

    cairo_save(cr);
    cairo_set_scaled_font(cr, scaled);
    cairo_show_text_glyphs(cr, text + item->offset, item->length, drawn.data(),
        static_cast<int>(drawn.size()), clusters.data(), static_cast<int>(clusters.size()),
        backward ? CAIRO_TEXT_CLUSTER_FLAG_BACKWARD : cairo_text_cluster_flags_t(0));
    cairo_restore(cr);
    return true;
}

} // namespace kakanai::printer::detail
